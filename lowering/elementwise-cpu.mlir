// CPU schedule for what is not a matmul: convolutions and their gradients, vectorized.
//
// - Stride-1 linalg.conv_2d_nchw_fchw with more than one input channel (conv2d, and
//   conv2d_backprop_input, which lowers to one): tiles of 16 output columns x 8 filters for one
//   image row, looping over 8-channel blocks and the kh x kw taps; each tap is then a small
//   matmul [filters x channels] x [channels x columns], lowered to vector FMAs along the columns
//   with the accumulator carried in registers across all taps.
// - Stride-1 linalg.conv_2d_nchw_fchw with one input channel (LeNet's first convolution): no
//   channel sum, so the op keeps its (n, f, oh, ow) order, tiled 8 filters x 16 columns of one row;
//   each kh x kw tap multiplies a broadcast weight by a row of x into the register accumulator.
// - conv2d_backprop_filter's rows of partial sums (rules/nn_grad.py, tagged
//   mind.schedule = "conv-filter-rows"): per filter, channel and kw tap, a kh x 16-column
//   accumulator summed over images and rows.
// Sizes that are not multiples of the tiles are peeled, so every vector is static and unmasked.
// Elementwise ops, reductions, transposes and pools are left to the naive loops, which LLVM
// vectorizes at O2 (an elementwise op of 400k floats runs at ~6 floats/ns already); the pool and
// max_pool_grad rules shape those loops for it (see rules/nn.py tiled_max). Those that
// mind-mark-parallel tagged as big get a loop over their rows, for the threads.
//
// The vectors left here are n-d (accumulator tiles): the pipeline must unroll their transfers
// after bufferization (convert-vector-to-scf{full-unroll=true}), since the default lowering
// through a stack buffer puts an alloca in the loop and overflows the stack.
module attributes {transform.with_named_sequence} {
  // Peel the partial last iteration of a tile loop, if any, so both parts have static sizes.
  transform.named_sequence @peel(%loop: !transform.any_op {transform.readonly}) {
    %for = transform.cast %loop : !transform.any_op to !transform.op<"scf.for">
    transform.sequence %for : !transform.op<"scf.for"> failures(suppress) {
    ^bb0(%x: !transform.op<"scf.for">):
      %a, %b = transform.loop.peel %x : (!transform.op<"scf.for">) -> (!transform.any_op, !transform.any_op)
    }
    transform.yield
  }
  // Fold the unit dims the tiling left and vectorize the now static tiles inside `scope`.
  transform.named_sequence @vectorize_in(%scope: !transform.any_op {transform.readonly}) {
    transform.apply_patterns to %scope {
      transform.apply_patterns.canonicalization
    } : !transform.any_op
    transform.apply_patterns to %scope {
      transform.apply_patterns.linalg.fold_unit_extent_dims_via_slices
      transform.apply_patterns.canonicalization
    } : !transform.any_op
    %ops = transform.structured.match ops{["linalg.generic"]} in %scope : (!transform.any_op) -> !transform.any_op
    transform.foreach %ops : !transform.any_op {
    ^bb0(%op: !transform.any_op):
      transform.structured.vectorize %op : !transform.any_op
      transform.yield
    }
    transform.apply_patterns to %scope {
      transform.apply_patterns.vector.transfer_permutation_patterns
    } : !transform.any_op
    transform.apply_patterns to %scope {
      transform.apply_patterns.vector.reduction_to_contract
      transform.apply_patterns.canonicalization
    } : !transform.any_op
    // Accumulators out of the reduction loops (at most three deep: channels, kh, kw), so they
    // stay in registers: each application lifts them by one loop, outer loops being visited first.
    // (Loop-invariant code motion first: a padding value defined in the loop pins its read there.)
    %loops = transform.structured.match ops{["scf.for"]} in %scope : (!transform.any_op) -> !transform.op<"scf.for">
    transform.apply_licm to %loops : !transform.op<"scf.for">
    transform.loop.hoist_loop_invariant_subsets %loops : !transform.op<"scf.for">
    %loops2 = transform.structured.match ops{["scf.for"]} in %scope : (!transform.any_op) -> !transform.op<"scf.for">
    transform.loop.hoist_loop_invariant_subsets %loops2 : !transform.op<"scf.for">
    %loops3 = transform.structured.match ops{["scf.for"]} in %scope : (!transform.any_op) -> !transform.op<"scf.for">
    transform.loop.hoist_loop_invariant_subsets %loops3 : !transform.op<"scf.for">
    transform.apply_patterns to %scope {
      transform.apply_patterns.vector.lower_contraction lowering_strategy = "outerproduct"
    } : !transform.any_op
    transform.apply_patterns to %scope {
      transform.apply_patterns.vector.lower_outerproduct
    } : !transform.any_op
    transform.apply_patterns to %scope {
      transform.apply_patterns.vector.lower_transpose
    } : !transform.any_op
    transform.apply_patterns to %scope {
      transform.apply_patterns.vector.lower_multi_reduction lowering_strategy = "innerparallel"
    } : !transform.any_op
    transform.apply_patterns to %scope {
      transform.apply_patterns.vector.lower_broadcast
      transform.apply_patterns.vector.lower_shape_cast
    } : !transform.any_op
    transform.apply_patterns to %scope {
      transform.apply_patterns.canonicalization
    } : !transform.any_op
    transform.yield
  }
  // Tag `loop` for mind-parallel-loops if `tagged` (the number of ops of the op being scheduled
  // that mind-mark-parallel tagged: taken before generalize, which drops the tag) is not 0.
  // The inner sequence stops at the comparison that fails; the outer one, which would go on
  // past a failure, only keeps it from failing the schedule.
  transform.named_sequence @parallel_if(%loop: !transform.any_op {transform.readonly},
                                        %tagged: !transform.param<i64> {transform.readonly}) {
    transform.sequence %loop, %tagged : !transform.any_op, !transform.param<i64> failures(suppress) {
    ^bb0(%l: !transform.any_op, %n: !transform.param<i64>):
      transform.sequence %l, %n : !transform.any_op, !transform.param<i64> failures(propagate) {
      ^bb1(%l1: !transform.any_op, %n1: !transform.param<i64>):
        %zero = transform.param.constant 0 : i64 -> !transform.param<i64>
        transform.match.param.cmpi gt %n1, %zero : !transform.param<i64>
        transform.annotate %l1 "mindc.parallel" : !transform.any_op
      }
    }
    transform.yield
  }
  // Stride 1 (columns ow + kw * dilation vectorize along ow) and more than one input channel
  // (otherwise there is no channel sum to make FMAs of: @conv1 takes that case).
  transform.named_sequence @match_conv(%op: !transform.any_op {transform.readonly}) -> !transform.any_op {
    %c1 = transform.param.constant 1 : i64 -> !transform.param<i64>
    transform.match.structured %op : !transform.any_op {
    ^bb0(%s: !transform.any_op):
      %d = transform.match.structured.dim %s[4] : (!transform.any_op) -> !transform.param<i64>
      transform.match.param.cmpi gt %d, %c1 : !transform.param<i64>
      %batch, %oi, %oc, %fl, %ic, %depth, %strides, %dilations = transform.match.structured.classify_convolution_dims %s : (!transform.any_op) -> (!transform.param<i64>, !transform.param<i64>, !transform.param<i64>, !transform.param<i64>, !transform.param<i64>, !transform.param<i64>, !transform.param<i64>, !transform.param<i64>)
      %ones = transform.merge_handles %c1, %c1 : !transform.param<i64>
      transform.match.param.cmpi eq %strides, %ones : !transform.param<i64>
      transform.match.structured.yield
    }
    transform.yield %op : !transform.any_op
  }
  // Stride 1 and one input channel: no channel sum, each tap is an elementwise multiply-add.
  transform.named_sequence @match_conv1(%op: !transform.any_op {transform.readonly}) -> !transform.any_op {
    %c1 = transform.param.constant 1 : i64 -> !transform.param<i64>
    transform.match.operation_name %op ["linalg.conv_2d_nchw_fchw"] : !transform.any_op
    transform.match.structured %op : !transform.any_op {
    ^bb0(%s: !transform.any_op):
      %d = transform.match.structured.dim %s[4] : (!transform.any_op) -> !transform.param<i64>
      transform.match.param.cmpi eq %d, %c1 : !transform.param<i64>
      %batch, %oi, %oc, %fl, %ic, %depth, %strides, %dilations = transform.match.structured.classify_convolution_dims %s : (!transform.any_op) -> (!transform.param<i64>, !transform.param<i64>, !transform.param<i64>, !transform.param<i64>, !transform.param<i64>, !transform.param<i64>, !transform.param<i64>, !transform.param<i64>)
      %ones = transform.merge_handles %c1, %c1 : !transform.param<i64>
      transform.match.param.cmpi eq %strides, %ones : !transform.param<i64>
      transform.match.structured.yield
    }
    transform.yield %op : !transform.any_op
  }
  transform.named_sequence @match_conv_op(%op: !transform.any_op {transform.readonly}) -> !transform.any_op {
    transform.match.operation_name %op ["linalg.conv_2d_nchw_fchw"] : !transform.any_op
    %m = transform.include @match_conv failures(propagate) (%op) : (!transform.any_op) -> !transform.any_op
    transform.yield %m : !transform.any_op
  }
  transform.named_sequence @conv(%conv: !transform.any_op {transform.consumed}) {
    %tagged = transform.structured.match attributes {mindc.parallel} in %conv : (!transform.any_op) -> !transform.any_op
    %big = transform.num_associations %tagged : (!transform.any_op) -> !transform.param<i64>
    %g0 = transform.structured.generalize %conv : (!transform.any_op) -> !transform.any_op
    // (n, ow, oh, f, c, kh, kw): with ow before f, each tap's contraction has the layout
    // (k, m) x (n, k) -> (n, m) that the outer-product lowering turns into FMAs along ow.
    %g = transform.structured.interchange %g0 iterator_interchange = [0, 3, 2, 1, 4, 5, 6] : (!transform.any_op) -> !transform.any_op
    %t, %l:4 = transform.structured.tile_using_for %g tile_sizes [1, 16, 1, 8, 0, 0, 0] : (!transform.any_op) -> (!transform.any_op, !transform.any_op, !transform.any_op, !transform.any_op, !transform.any_op)
    transform.include @parallel_if failures(propagate) (%l#0, %big) : (!transform.any_op, !transform.param<i64>) -> ()
    %t2, %r:3 = transform.structured.tile_using_for %t tile_sizes [0, 0, 0, 0, 8, 1, 1] : (!transform.any_op) -> (!transform.any_op, !transform.any_op, !transform.any_op, !transform.any_op)
    transform.include @peel failures(propagate) (%r#0) : (!transform.any_op) -> ()
    transform.include @peel failures(propagate) (%l#3) : (!transform.any_op) -> ()
    transform.include @peel failures(propagate) (%l#1) : (!transform.any_op) -> ()
    transform.include @vectorize_in failures(propagate) (%l#0) : (!transform.any_op) -> ()
    transform.yield
  }
  // One input channel, kept in the order (n, f, oh, ow, c, kh, kw): tiles of 8 filters x 16
  // columns of one row, each tap a broadcast weight times a row of x added to the accumulator.
  transform.named_sequence @conv1(%conv: !transform.any_op {transform.consumed}) {
    %tagged = transform.structured.match attributes {mindc.parallel} in %conv : (!transform.any_op) -> !transform.any_op
    %big = transform.num_associations %tagged : (!transform.any_op) -> !transform.param<i64>
    %g = transform.structured.generalize %conv : (!transform.any_op) -> !transform.any_op
    %t, %l:4 = transform.structured.tile_using_for %g tile_sizes [1, 8, 1, 16, 0, 0, 0] : (!transform.any_op) -> (!transform.any_op, !transform.any_op, !transform.any_op, !transform.any_op, !transform.any_op)
    transform.include @parallel_if failures(propagate) (%l#0, %big) : (!transform.any_op, !transform.param<i64>) -> ()
    %t2, %r:3 = transform.structured.tile_using_for %t tile_sizes [0, 0, 0, 0, 1, 1, 1] : (!transform.any_op) -> (!transform.any_op, !transform.any_op, !transform.any_op, !transform.any_op)
    transform.include @peel failures(propagate) (%l#3) : (!transform.any_op) -> ()
    transform.include @peel failures(propagate) (%l#1) : (!transform.any_op) -> ()
    transform.include @vectorize_in failures(propagate) (%l#0) : (!transform.any_op) -> ()
    transform.yield
  }
  // (f, c, i, j, ow | n, oh): one (f, c, j) at a time, all kh taps i and 16 columns as the
  // accumulator, summed over n and oh.
  transform.named_sequence @filter_rows(%op: !transform.any_op {transform.consumed}) {
    %t, %l:4 = transform.structured.tile_using_for %op tile_sizes [1, 1, 0, 1, 16, 0, 0] : (!transform.any_op) -> (!transform.any_op, !transform.any_op, !transform.any_op, !transform.any_op, !transform.any_op)
    %t2, %r:2 = transform.structured.tile_using_for %t tile_sizes [0, 0, 0, 0, 0, 1, 1] : (!transform.any_op) -> (!transform.any_op, !transform.any_op, !transform.any_op)
    transform.include @peel failures(propagate) (%l#3) : (!transform.any_op) -> ()
    transform.include @vectorize_in failures(propagate) (%l#0) : (!transform.any_op) -> ()
    transform.yield
  }
  // A generic op tagged by mind-mark-parallel becomes a loop over its rows, for
  // mind-parallel-loops to split, if its rows are computed independently: rank 2 or more, first
  // loop parallel (elementwise ops, reductions of the other dims, softmax rows). Each row stays
  // one linalg op, lowered to loops that LLVM vectorizes as before. (The inner sequence stops at
  // a check that fails; the outer one keeps that from failing the schedule.)
  transform.named_sequence @parallel_rows(%op: !transform.any_op {transform.consumed}) {
    transform.sequence %op : !transform.any_op failures(suppress) {
    ^bb0(%o: !transform.any_op):
      transform.sequence %o : !transform.any_op failures(propagate) {
      ^bb1(%g: !transform.any_op):
        %c1 = transform.param.constant 1 : i64 -> !transform.param<i64>
        transform.match.structured %g : !transform.any_op {
        ^bb2(%s: !transform.any_op):
          transform.match.structured.dim %s[0] {parallel} : !transform.any_op
          %rank = transform.match.structured.rank %s : (!transform.any_op) -> !transform.param<i64>
          transform.match.param.cmpi gt %rank, %c1 : !transform.param<i64>
          transform.match.structured.yield
        }
        %t, %loop = transform.structured.tile_using_for %g tile_sizes [1] : (!transform.any_op) -> (!transform.any_op, !transform.any_op)
        transform.annotate %loop "mindc.parallel" : !transform.any_op
      }
    }
    transform.yield
  }
  transform.named_sequence @__transform_main(%root: !transform.any_op {transform.readonly}) {
    %convs = transform.collect_matching @match_conv_op in %root : (!transform.any_op) -> !transform.any_op
    transform.foreach %convs : !transform.any_op {
    ^bb0(%op: !transform.any_op):
      transform.include @conv failures(propagate) (%op) : (!transform.any_op) -> ()
      transform.yield
    }
    %convs1 = transform.collect_matching @match_conv1 in %root : (!transform.any_op) -> !transform.any_op
    transform.foreach %convs1 : !transform.any_op {
    ^bb0(%op: !transform.any_op):
      transform.include @conv1 failures(propagate) (%op) : (!transform.any_op) -> ()
      transform.yield
    }
    %rows = transform.structured.match ops{["linalg.generic"]} attributes{mind.schedule = "conv-filter-rows"} in %root : (!transform.any_op) -> !transform.any_op
    transform.foreach %rows : !transform.any_op {
    ^bb0(%op: !transform.any_op):
      transform.include @filter_rows failures(propagate) (%op) : (!transform.any_op) -> ()
      transform.yield
    }
    // Other generic ops and reductions tagged by mind-mark-parallel (the convolutions' tiles
    // above lost the tag to generalize): rows for the threads.
    %big = transform.structured.match ops{["linalg.generic", "linalg.reduce"]} attributes {mindc.parallel} in %root : (!transform.any_op) -> !transform.any_op
    transform.foreach %big : !transform.any_op {
    ^bb0(%op: !transform.any_op):
      transform.include @parallel_rows failures(propagate) (%op) : (!transform.any_op) -> ()
      transform.yield
    }
    transform.yield
  }
}
