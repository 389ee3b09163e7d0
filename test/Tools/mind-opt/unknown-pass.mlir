// RUN: not mind-opt %s --nope 2>&1 | FileCheck %s --check-prefix=FLAG
// RUN: not mind-opt %s --pass-pipeline='builtin.module(cse,nope)' 2>&1 | FileCheck %s --check-prefix=PIPELINE
// RUN: not mind-opt %s --mind-verify='strict=true' 2>&1 | FileCheck %s --check-prefix=MIND-OPTION
// RUN: not mind-opt %s --canonicalize='bogus=1' 2>&1 | FileCheck %s --check-prefix=UPSTREAM-OPTION
// RUN: not mind-opt %s --pass-pipeline='builtin.module(func.func(cse)' 2>&1 | FileCheck %s --check-prefix=UNBALANCED
// RUN: not mind-opt %s --mind-cpu-pipeline='x=1' 2>&1 | FileCheck %s --check-prefix=ALIAS-OPTION

// Bad pass names and options are reported before the input is processed, in one line, with no
// traceback.

// FLAG:            error: unknown command line argument '--nope'
// FLAG-NEXT:       note: see 'mind-opt --help'
// PIPELINE:        error: unknown pass or bad options: 'nope' ('nope' does not refer to a registered pass or pass pipeline)
// MIND-OPTION:     error: unknown option 'strict' for mind-verify (options: none)
// UPSTREAM-OPTION: error: unknown pass or bad options: 'canonicalize{bogus=1}' (no such option bogus)
// UNBALANCED:      error: bad --pass-pipeline: unbalanced brackets
// ALIAS-OPTION:    error: unknown option 'x' for pipeline mind-cpu-pipeline (options: cse, dce, fold, fold-limit, min-work, threads)
// FLAG-NOT:        Traceback
func.func @f() {
  return
}
