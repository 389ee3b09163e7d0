// CPU schedule for linalg.matmul and linalg.batch_matmul (any operand transposes, as their
// indexing maps say; a transposed y is materialized by the lowering, rules/matmul.py), and for
// the 2-d transposes, on tensors before bufferization (products tagged mindc.kernel = "rows", few rows of x
// and y read in place as [n, k], get dot-product tiles instead: see the first step below):
//   1. k blocks of 256; in each, register tiles of 8x32 (rows x columns of C), n outer so a
//      256x32 panel of y is reused by all the row tiles. The tile loops are peeled, so every tile
//      has a static shape (shapes are static in mindc): full 8x32 tiles and the remainders (e.g.
//      3x32, 8x4), all vectorized, none padded or masked.
//   2. each tile: a loop over k, inside it two 8x16 sub-tiles (unrolled), each vectorized to a
//      vector.contract of vector<8x1> x vector<1x16>: 8 broadcast-FMAs on 512-bit vectors.
//   3. the accumulators (two vector<8x16>, 16 registers) are hoisted out of the k loop as
//      iter_args; contractions become outer products, then vector.fma.
//   4. products tagged `mindc.parallel` by mind-mark-parallel (big enough for several threads):
//      their loop over n panels in each k block (a batch_matmul's loop over the batch) is
//      tagged too, for mind-parallel-loops to split between threads (passes/parallel.py).
// Tiles are found again by the `mindc.tile` attribute (clones keep it), so handles survive
// peeling and unrolling; `mindc.k_loop` marks the k loops whose accumulators are hoisted.
module attributes {transform.with_named_sequence} {
  transform.named_sequence @__transform_main(%root: !transform.any_op {transform.readonly}) {
    // Products tagged mindc.kernel = "rows" (few rows of x, y read in place as [n, k]: nn.Dense's
    // weight at batch 1..8, rules/matmul.py): dot products of x's rows with y's rows, both
    // contiguous along k. n in tiles of 4 rows of y (peeled); in each, a k loop of step 16 (peeled)
    // keeps the m x 4 partial sums as vectors of 16 lanes (iter_args, hoisted below) and reduces
    // them across lanes once, after the loop.
    %rmms = transform.structured.match ops{["linalg.matmul"]} attributes {mindc.kernel = "rows"} in %root : (!transform.any_op) -> !transform.any_op
    transform.foreach %rmms : !transform.any_op {
    ^bb0(%mm: !transform.any_op):
      %t, %loops:2 = transform.structured.tile_using_for %mm tile_sizes [1, 4, 0] interchange = [1, 0, 2]
          : (!transform.any_op) -> (!transform.any_op, !transform.any_op, !transform.any_op)
      transform.include @peel failures(propagate) (%loops#0) : (!transform.any_op) -> ()
    }
    %rtiles = transform.structured.match ops{["linalg.matmul"]} attributes {mindc.kernel = "rows"} in %root : (!transform.any_op) -> !transform.any_op
    transform.foreach %rtiles : !transform.any_op {
    ^bb0(%t: !transform.any_op):
      %fill, %split, %comb, %kloop = transform.structured.tile_reduction_using_for %t by tile_sizes = [0, 0, 16]
          : (!transform.any_op) -> (!transform.any_op, !transform.any_op, !transform.any_op, !transform.any_op)
      transform.annotate %fill "mindc.rows" : !transform.any_op
      transform.annotate %split "mindc.rows" : !transform.any_op
      transform.annotate %comb "mindc.rows" : !transform.any_op
      transform.annotate %kloop "mindc.k_loop" : !transform.any_op
      transform.include @peel failures(propagate) (%kloop) : (!transform.any_op) -> ()
    }
    // Transposes of the last two dims (a transpose_b operand, nn.Dense's weight): 16x16 tiles,
    // peeled like the products' tiles; a 16x16 vector transpose becomes AVX-512 shuffles.
    %tps = transform.structured.match ops{["linalg.transpose"]} attributes {permutation = array<i64: 1, 0>} in %root : (!transform.any_op) -> !transform.any_op
    transform.foreach %tps : !transform.any_op {
    ^bb0(%tp: !transform.any_op):
      %t, %loops:2 = transform.structured.tile_using_for %tp tile_sizes [16, 16] : (!transform.any_op) -> (!transform.any_op, !transform.any_op, !transform.any_op)
      transform.annotate %t "mindc.tile" : !transform.any_op
      transform.include @peel failures(propagate) (%loops#1) : (!transform.any_op) -> ()
      transform.include @peel failures(propagate) (%loops#0) : (!transform.any_op) -> ()
    }
    %btps = transform.structured.match ops{["linalg.transpose"]} attributes {permutation = array<i64: 0, 2, 1>} in %root : (!transform.any_op) -> !transform.any_op
    transform.foreach %btps : !transform.any_op {
    ^bb0(%tp: !transform.any_op):
      %t, %loops:3 = transform.structured.tile_using_for %tp tile_sizes [1, 16, 16] : (!transform.any_op) -> (!transform.any_op, !transform.any_op, !transform.any_op, !transform.any_op)
      transform.annotate %t "mindc.tile" : !transform.any_op
      transform.include @peel failures(propagate) (%loops#2) : (!transform.any_op) -> ()
      transform.include @peel failures(propagate) (%loops#1) : (!transform.any_op) -> ()
    }
    // The zero fills the products start from are left whole: bufferized, they become loops
    // that LLVM turns into memset. (Tiled and vectorized like the products, they were ~1400 more
    // LLVM instructions in the MLP's training step, ~0.1 s of its compile time, for no speed.)
    // They are not fused into the products' tiles: `structured.fuse` would fuse the producers
    // of x and y as well and recompute them for every tile.
    %mms = transform.structured.match ops{["linalg.matmul"]} in %root : (!transform.any_op) -> !transform.any_op
    %bmms = transform.structured.match ops{["linalg.batch_matmul"]} in %root : (!transform.any_op) -> !transform.any_op
    // Products: k blocks of 256, so that a 256x32 panel of y stays in cache while the row tiles
    // pass over it (rows of y 4 KiB apart, as at n = 1024, alias in the caches: a panel of all k
    // would not stay); a last partial block only shortens its k loops. In each block, 8x32
    // register tiles, n outer so all row tiles reuse the panel; both tile loops peeled.
    transform.foreach %mms : !transform.any_op {
    ^bb0(%mm: !transform.any_op):
      %block, %kloop = transform.structured.tile_using_for %mm tile_sizes [0, 0, 256] : (!transform.any_op) -> (!transform.any_op, !transform.any_op)
      %t, %loops:2 = transform.structured.tile_using_for %block tile_sizes [8, 32, 0] interchange = [1, 0, 2]
          : (!transform.any_op) -> (!transform.any_op, !transform.any_op, !transform.any_op)
      transform.annotate %t "mindc.tile" : !transform.any_op
      // Products tagged by mind-mark-parallel: the n loop's 32-column panels are disjoint
      // columns of C, so mind-parallel-loops may split it between threads (the k blocks stay
      // in order around it).
      %big = transform.structured.match attributes {mindc.parallel} in %t : (!transform.any_op) -> !transform.any_op
      %panels = transform.get_parent_op %big {nth_parent = 2, op_name = "scf.for"} : (!transform.any_op) -> !transform.any_op
      transform.annotate %panels "mindc.parallel" : !transform.any_op
      transform.include @peel failures(propagate) (%loops#1) : (!transform.any_op) -> ()
      transform.include @peel failures(propagate) (%loops#0) : (!transform.any_op) -> ()
    }
    transform.foreach %bmms : !transform.any_op {
    ^bb0(%bmm: !transform.any_op):
      %t, %loops:3 = transform.structured.tile_using_for %bmm tile_sizes [1, 8, 32, 0] interchange = [0, 2, 1, 3]
          : (!transform.any_op) -> (!transform.any_op, !transform.any_op, !transform.any_op, !transform.any_op)
      transform.annotate %t "mindc.tile" : !transform.any_op
      // Tagged by mind-mark-parallel: the threads share out the batch.
      %big = transform.structured.match attributes {mindc.parallel} in %t : (!transform.any_op) -> !transform.any_op
      %batch = transform.get_parent_op %big {nth_parent = 3, op_name = "scf.for"} : (!transform.any_op) -> !transform.any_op
      transform.annotate %batch "mindc.parallel" : !transform.any_op
      transform.include @peel failures(propagate) (%loops#2) : (!transform.any_op) -> ()
      transform.include @peel failures(propagate) (%loops#1) : (!transform.any_op) -> ()
    }
    // Peeled loops get static bounds; canonicalization makes the tiles' shapes static.
    transform.apply_patterns to %root {
      transform.apply_patterns.canonicalization
    } : !transform.any_op

    %tiles = transform.structured.match ops{["linalg.matmul"]} attributes {mindc.tile} in %root : (!transform.any_op) -> !transform.any_op
    %t1, %k1 = transform.structured.tile_using_for %tiles tile_sizes [0, 0, 1] : (!transform.any_op) -> (!transform.any_op, !transform.any_op)
    transform.annotate %k1 "mindc.k_loop" : !transform.any_op
    %t2, %sub:2 = transform.structured.tile_using_for %t1 tile_sizes [8, 16, 0] : (!transform.any_op) -> (!transform.any_op, !transform.any_op, !transform.any_op)
    transform.loop.unroll %sub#1 {factor = 2} : !transform.any_op
    %btiles = transform.structured.match ops{["linalg.batch_matmul"]} attributes {mindc.tile} in %root : (!transform.any_op) -> !transform.any_op
    %b1, %bk = transform.structured.tile_using_for %btiles tile_sizes [0, 0, 0, 1] : (!transform.any_op) -> (!transform.any_op, !transform.any_op)
    transform.annotate %bk "mindc.k_loop" : !transform.any_op
    %b2, %bsub:2 = transform.structured.tile_using_for %b1 tile_sizes [0, 8, 16, 0] : (!transform.any_op) -> (!transform.any_op, !transform.any_op, !transform.any_op)
    transform.loop.unroll %bsub#1 {factor = 2} : !transform.any_op
    transform.apply_patterns to %root {
      transform.apply_patterns.canonicalization
    } : !transform.any_op

    %ttiles = transform.structured.match ops{["linalg.transpose"]} attributes {mindc.tile} in %root : (!transform.any_op) -> !transform.any_op
    transform.structured.vectorize %ttiles : !transform.any_op
    %rows = transform.structured.match attributes {mindc.rows} in %root : (!transform.any_op) -> !transform.any_op
    transform.structured.vectorize %rows : !transform.any_op
    %micro = transform.structured.match ops{["linalg.matmul", "linalg.batch_matmul"]} attributes {mindc.tile} in %root : (!transform.any_op) -> !transform.any_op
    transform.structured.vectorize %micro {create_named_contraction} : !transform.any_op
    transform.apply_patterns to %root {
      transform.apply_patterns.tensor.fold_tensor_subset_ops_into_vector_transfers
      transform.apply_patterns.canonicalization
    } : !transform.any_op
    transform.apply_cse to %root : !transform.any_op
    %kloops = transform.structured.match ops{["scf.for"]} attributes {mindc.k_loop} in %root : (!transform.any_op) -> !transform.op<"scf.for">
    transform.loop.hoist_loop_invariant_subsets %kloops : !transform.op<"scf.for">
    // One pattern set per region: all of them in one region can rewrite forever.
    transform.apply_patterns to %root {
      transform.apply_patterns.vector.lower_contraction lowering_strategy = "outerproduct"
    } : !transform.any_op
    transform.apply_patterns to %root {
      transform.apply_patterns.vector.lower_outerproduct
    } : !transform.any_op
    // The rows kernels' partial sums: one horizontal reduction per output element.
    transform.apply_patterns to %root {
      transform.apply_patterns.vector.lower_multi_reduction lowering_strategy = "innerreduction"
    } : !transform.any_op
    // The vectorizer turns a transpose into a transposed read; read rows, transpose in registers.
    transform.apply_patterns to %root {
      transform.apply_patterns.vector.transfer_permutation_patterns
    } : !transform.any_op
    transform.apply_patterns to %root {
      transform.apply_patterns.vector.lower_transpose lowering_strategy = "shuffle_16x16"
    } : !transform.any_op
    transform.apply_patterns to %root {
      transform.apply_patterns.vector.cast_away_vector_leading_one_dim
      transform.apply_patterns.canonicalization
    } : !transform.any_op
    transform.yield
  }

  // Split the last partial iteration off a tile loop; a loop whose range divides the step
  // cannot be peeled, and is left as it is.
  transform.named_sequence @peel(%loop: !transform.any_op {transform.readonly}) {
    transform.sequence %loop : !transform.any_op failures(suppress) {
    ^bb0(%l: !transform.any_op):
      %for = transform.cast %l : !transform.any_op to !transform.op<"scf.for">
      %main, %rest = transform.loop.peel %for : (!transform.op<"scf.for">) -> (!transform.any_op, !transform.any_op)
    }
    transform.yield
  }
}
