// The mind dialect: MindSpore's primitives as MLIR operations on ranked tensors.
//
// IRDL states which ops exist with their operands, results and attribute kinds; shapes,
// dtypes and attribute values are checked by each op's rule in python/mindc/rules/.
// Every constraint variable below is used once: IRDL unifies a reused variable, which would
// force two operands to one type (see upstream testd.mlir @failedConstraintVars).
// Op names are MindSpore primitive names in lower_snake_case; attribute names are the
// primitive's parameter names. Ops are pure (no side effects).
irdl.dialect @mind {

  // ---- Unary elementwise: out has the operand's shape and dtype.
  // Neg(x)
  irdl.operation @neg {
    %x = irdl.base "!builtin.tensor"
    %out = irdl.base "!builtin.tensor"
    irdl.operands(x: %x)
    irdl.results(out: %out)
  }
  // Abs(x)
  irdl.operation @abs {
    %x = irdl.base "!builtin.tensor"
    %out = irdl.base "!builtin.tensor"
    irdl.operands(x: %x)
    irdl.results(out: %out)
  }
  // Exp(x)
  irdl.operation @exp {
    %x = irdl.base "!builtin.tensor"
    %out = irdl.base "!builtin.tensor"
    irdl.operands(x: %x)
    irdl.results(out: %out)
  }
  // Log(x)
  irdl.operation @log {
    %x = irdl.base "!builtin.tensor"
    %out = irdl.base "!builtin.tensor"
    irdl.operands(x: %x)
    irdl.results(out: %out)
  }
  // Sqrt(x)
  irdl.operation @sqrt {
    %x = irdl.base "!builtin.tensor"
    %out = irdl.base "!builtin.tensor"
    irdl.operands(x: %x)
    irdl.results(out: %out)
  }
  // Rsqrt(x)
  irdl.operation @rsqrt {
    %x = irdl.base "!builtin.tensor"
    %out = irdl.base "!builtin.tensor"
    irdl.operands(x: %x)
    irdl.results(out: %out)
  }
  // Tanh(x)
  irdl.operation @tanh {
    %x = irdl.base "!builtin.tensor"
    %out = irdl.base "!builtin.tensor"
    irdl.operands(x: %x)
    irdl.results(out: %out)
  }
  // Sigmoid(x)
  irdl.operation @sigmoid {
    %x = irdl.base "!builtin.tensor"
    %out = irdl.base "!builtin.tensor"
    irdl.operands(x: %x)
    irdl.results(out: %out)
  }
  // ReLU(x)
  irdl.operation @relu {
    %x = irdl.base "!builtin.tensor"
    %out = irdl.base "!builtin.tensor"
    irdl.operands(x: %x)
    irdl.results(out: %out)
  }
  // Sin(x)
  irdl.operation @sin {
    %x = irdl.base "!builtin.tensor"
    %out = irdl.base "!builtin.tensor"
    irdl.operands(x: %x)
    irdl.results(out: %out)
  }
  // Cos(x)
  irdl.operation @cos {
    %x = irdl.base "!builtin.tensor"
    %out = irdl.base "!builtin.tensor"
    irdl.operands(x: %x)
    irdl.results(out: %out)
  }
  // Erf(x)
  irdl.operation @erf {
    %x = irdl.base "!builtin.tensor"
    %out = irdl.base "!builtin.tensor"
    irdl.operands(x: %x)
    irdl.results(out: %out)
  }
  // Floor(x): the largest integer not above x (floats)
  irdl.operation @floor {
    %x = irdl.base "!builtin.tensor"
    %out = irdl.base "!builtin.tensor"
    irdl.operands(x: %x)
    irdl.results(out: %out)
  }
  // Ceil(x): the smallest integer not below x (floats)
  irdl.operation @ceil {
    %x = irdl.base "!builtin.tensor"
    %out = irdl.base "!builtin.tensor"
    irdl.operands(x: %x)
    irdl.results(out: %out)
  }
  // Log1p(x): log(1 + x), accurate for small x
  irdl.operation @log1p {
    %x = irdl.base "!builtin.tensor"
    %out = irdl.base "!builtin.tensor"
    irdl.operands(x: %x)
    irdl.results(out: %out)
  }
  // Expm1(x): exp(x) - 1, accurate for small x
  irdl.operation @expm1 {
    %x = irdl.base "!builtin.tensor"
    %out = irdl.base "!builtin.tensor"
    irdl.operands(x: %x)
    irdl.results(out: %out)
  }
  // LogicalNot(x)
  irdl.operation @logical_not {
    %x = irdl.base "!builtin.tensor"
    %out = irdl.base "!builtin.tensor"
    irdl.operands(x: %x)
    irdl.results(out: %out)
  }
  // GeLU(x), approximate = "none" (erf form) or "tanh"
  irdl.operation @gelu {
    %x = irdl.base "!builtin.tensor"
    %out = irdl.base "!builtin.tensor"
    %approximate = irdl.base "#builtin.string"
    irdl.operands(x: %x)
    irdl.results(out: %out)
    irdl.attributes {"approximate" = %approximate}
  }

  // ---- Binary elementwise with numpy broadcasting; both operands have one dtype.
  // Add(x, y)
  irdl.operation @add {
    %x = irdl.base "!builtin.tensor"
    %y = irdl.base "!builtin.tensor"
    %out = irdl.base "!builtin.tensor"
    irdl.operands(x: %x, y: %y)
    irdl.results(out: %out)
  }
  // Sub(x, y)
  irdl.operation @sub {
    %x = irdl.base "!builtin.tensor"
    %y = irdl.base "!builtin.tensor"
    %out = irdl.base "!builtin.tensor"
    irdl.operands(x: %x, y: %y)
    irdl.results(out: %out)
  }
  // Mul(x, y)
  irdl.operation @mul {
    %x = irdl.base "!builtin.tensor"
    %y = irdl.base "!builtin.tensor"
    %out = irdl.base "!builtin.tensor"
    irdl.operands(x: %x, y: %y)
    irdl.results(out: %out)
  }
  // Div(x, y)
  irdl.operation @div {
    %x = irdl.base "!builtin.tensor"
    %y = irdl.base "!builtin.tensor"
    %out = irdl.base "!builtin.tensor"
    irdl.operands(x: %x, y: %y)
    irdl.results(out: %out)
  }
  // Pow(x, y)
  irdl.operation @pow {
    %x = irdl.base "!builtin.tensor"
    %y = irdl.base "!builtin.tensor"
    %out = irdl.base "!builtin.tensor"
    irdl.operands(x: %x, y: %y)
    irdl.results(out: %out)
  }
  // Maximum(x, y)
  irdl.operation @maximum {
    %x = irdl.base "!builtin.tensor"
    %y = irdl.base "!builtin.tensor"
    %out = irdl.base "!builtin.tensor"
    irdl.operands(x: %x, y: %y)
    irdl.results(out: %out)
  }
  // Minimum(x, y)
  irdl.operation @minimum {
    %x = irdl.base "!builtin.tensor"
    %y = irdl.base "!builtin.tensor"
    %out = irdl.base "!builtin.tensor"
    irdl.operands(x: %x, y: %y)
    irdl.results(out: %out)
  }
  // Atan2(x, y): the angle of the point (y, x), atan(x / y) in the right quadrant
  irdl.operation @atan2 {
    %x = irdl.base "!builtin.tensor"
    %y = irdl.base "!builtin.tensor"
    %out = irdl.base "!builtin.tensor"
    irdl.operands(x: %x, y: %y)
    irdl.results(out: %out)
  }
  // LogicalAnd(x, y)
  irdl.operation @logical_and {
    %x = irdl.base "!builtin.tensor"
    %y = irdl.base "!builtin.tensor"
    %out = irdl.base "!builtin.tensor"
    irdl.operands(x: %x, y: %y)
    irdl.results(out: %out)
  }
  // LogicalOr(x, y)
  irdl.operation @logical_or {
    %x = irdl.base "!builtin.tensor"
    %y = irdl.base "!builtin.tensor"
    %out = irdl.base "!builtin.tensor"
    irdl.operands(x: %x, y: %y)
    irdl.results(out: %out)
  }
  // BitwiseAnd(x, y): integers or booleans, broadcasting
  irdl.operation @bitwise_and {
    %x = irdl.base "!builtin.tensor"
    %y = irdl.base "!builtin.tensor"
    %out = irdl.base "!builtin.tensor"
    irdl.operands(x: %x, y: %y)
    irdl.results(out: %out)
  }
  // BitwiseOr(x, y): integers or booleans, broadcasting
  irdl.operation @bitwise_or {
    %x = irdl.base "!builtin.tensor"
    %y = irdl.base "!builtin.tensor"
    %out = irdl.base "!builtin.tensor"
    irdl.operands(x: %x, y: %y)
    irdl.results(out: %out)
  }
  // BitwiseXor(x, y): integers or booleans, broadcasting
  irdl.operation @bitwise_xor {
    %x = irdl.base "!builtin.tensor"
    %y = irdl.base "!builtin.tensor"
    %out = irdl.base "!builtin.tensor"
    irdl.operands(x: %x, y: %y)
    irdl.results(out: %out)
  }
  // Invert(x): bitwise not of integers or booleans
  irdl.operation @invert {
    %x = irdl.base "!builtin.tensor"
    %out = irdl.base "!builtin.tensor"
    irdl.operands(x: %x)
    irdl.results(out: %out)
  }

  // ---- Comparisons with numpy broadcasting: out is i1.
  // Equal(x, y)
  irdl.operation @equal {
    %x = irdl.base "!builtin.tensor"
    %y = irdl.base "!builtin.tensor"
    %out = irdl.base "!builtin.tensor"
    irdl.operands(x: %x, y: %y)
    irdl.results(out: %out)
  }
  // NotEqual(x, y)
  irdl.operation @not_equal {
    %x = irdl.base "!builtin.tensor"
    %y = irdl.base "!builtin.tensor"
    %out = irdl.base "!builtin.tensor"
    irdl.operands(x: %x, y: %y)
    irdl.results(out: %out)
  }
  // Less(x, y)
  irdl.operation @less {
    %x = irdl.base "!builtin.tensor"
    %y = irdl.base "!builtin.tensor"
    %out = irdl.base "!builtin.tensor"
    irdl.operands(x: %x, y: %y)
    irdl.results(out: %out)
  }
  // LessEqual(x, y)
  irdl.operation @less_equal {
    %x = irdl.base "!builtin.tensor"
    %y = irdl.base "!builtin.tensor"
    %out = irdl.base "!builtin.tensor"
    irdl.operands(x: %x, y: %y)
    irdl.results(out: %out)
  }
  // Greater(x, y)
  irdl.operation @greater {
    %x = irdl.base "!builtin.tensor"
    %y = irdl.base "!builtin.tensor"
    %out = irdl.base "!builtin.tensor"
    irdl.operands(x: %x, y: %y)
    irdl.results(out: %out)
  }
  // GreaterEqual(x, y)
  irdl.operation @greater_equal {
    %x = irdl.base "!builtin.tensor"
    %y = irdl.base "!builtin.tensor"
    %out = irdl.base "!builtin.tensor"
    irdl.operands(x: %x, y: %y)
    irdl.results(out: %out)
  }
  // Select(cond, x, y): cond is i1; the three broadcast together
  irdl.operation @select {
    %cond = irdl.base "!builtin.tensor"
    %x = irdl.base "!builtin.tensor"
    %y = irdl.base "!builtin.tensor"
    %out = irdl.base "!builtin.tensor"
    irdl.operands(cond: %cond, x: %x, y: %y)
    irdl.results(out: %out)
  }
  // Cast(x, dtype): dtype is the result's element type
  irdl.operation @cast {
    %x = irdl.base "!builtin.tensor"
    %out = irdl.base "!builtin.tensor"
    %dtype = irdl.base "#builtin.type"
    irdl.operands(x: %x)
    irdl.results(out: %out)
    irdl.attributes {"dtype" = %dtype}
  }

  // ---- Linear algebra and neural-network ops.
  // MatMul(transpose_a, transpose_b): [m,k] x [k,n] -> [m,n]
  irdl.operation @matmul {
    %x = irdl.base "!builtin.tensor"
    %y = irdl.base "!builtin.tensor"
    %out = irdl.base "!builtin.tensor"
    %transpose_a = irdl.base "#builtin.integer"
    %transpose_b = irdl.base "#builtin.integer"
    irdl.operands(x: %x, y: %y)
    irdl.results(out: %out)
    irdl.attributes {"transpose_a" = %transpose_a, "transpose_b" = %transpose_b}
  }
  // BatchMatMul(transpose_a, transpose_b): [..,m,k] x [..,k,n] -> [..,m,n], batch dims broadcast
  irdl.operation @batch_matmul {
    %x = irdl.base "!builtin.tensor"
    %y = irdl.base "!builtin.tensor"
    %out = irdl.base "!builtin.tensor"
    %transpose_a = irdl.base "#builtin.integer"
    %transpose_b = irdl.base "#builtin.integer"
    irdl.operands(x: %x, y: %y)
    irdl.results(out: %out)
    irdl.attributes {"transpose_a" = %transpose_a, "transpose_b" = %transpose_b}
  }
  // Conv2D, NCHW input and [C_out, C_in/group, kh, kw] weight; pad = [top, bottom, left, right]
  irdl.operation @conv2d {
    %x = irdl.base "!builtin.tensor"
    %weight = irdl.base "!builtin.tensor"
    %out = irdl.base "!builtin.tensor"
    %stride = irdl.base "#builtin.dense_array"
    %pad = irdl.base "#builtin.dense_array"
    %dilation = irdl.base "#builtin.dense_array"
    %group = irdl.base "#builtin.integer"
    irdl.operands(x: %x, weight: %weight)
    irdl.results(out: %out)
    irdl.attributes {"stride" = %stride, "pad" = %pad, "dilation" = %dilation, "group" = %group}
  }
  // MaxPool, NCHW; pad = [top, bottom, left, right] (padding never wins the max)
  irdl.operation @max_pool {
    %x = irdl.base "!builtin.tensor"
    %out = irdl.base "!builtin.tensor"
    %kernel_size = irdl.base "#builtin.dense_array"
    %strides = irdl.base "#builtin.dense_array"
    %pad = irdl.base "#builtin.dense_array"
    irdl.operands(x: %x)
    irdl.results(out: %out)
    irdl.attributes {"kernel_size" = %kernel_size, "strides" = %strides, "pad" = %pad}
  }
  // AvgPool, NCHW; pad = [top, bottom, left, right]; count_include_pad picks the divisor
  irdl.operation @avg_pool {
    %x = irdl.base "!builtin.tensor"
    %out = irdl.base "!builtin.tensor"
    %kernel_size = irdl.base "#builtin.dense_array"
    %strides = irdl.base "#builtin.dense_array"
    %pad = irdl.base "#builtin.dense_array"
    %count_include_pad = irdl.base "#builtin.integer"
    irdl.operands(x: %x)
    irdl.results(out: %out)
    irdl.attributes {"kernel_size" = %kernel_size, "strides" = %strides, "pad" = %pad, "count_include_pad" = %count_include_pad}
  }
  // Softmax(axis)
  irdl.operation @softmax {
    %x = irdl.base "!builtin.tensor"
    %out = irdl.base "!builtin.tensor"
    %axis = irdl.base "#builtin.integer"
    irdl.operands(x: %x)
    irdl.results(out: %out)
    irdl.attributes {"axis" = %axis}
  }
  // LogSoftmax(axis)
  irdl.operation @log_softmax {
    %x = irdl.base "!builtin.tensor"
    %out = irdl.base "!builtin.tensor"
    %axis = irdl.base "#builtin.integer"
    irdl.operands(x: %x)
    irdl.results(out: %out)
    irdl.attributes {"axis" = %axis}
  }

  // ---- Reductions: axis = [] reduces every dimension.
  // ReduceSum(keep_dims)(x, axis)
  irdl.operation @reduce_sum {
    %x = irdl.base "!builtin.tensor"
    %out = irdl.base "!builtin.tensor"
    %axis = irdl.base "#builtin.dense_array"
    %keep_dims = irdl.base "#builtin.integer"
    irdl.operands(x: %x)
    irdl.results(out: %out)
    irdl.attributes {"axis" = %axis, "keep_dims" = %keep_dims}
  }
  // ReduceMean(keep_dims)(x, axis)
  irdl.operation @reduce_mean {
    %x = irdl.base "!builtin.tensor"
    %out = irdl.base "!builtin.tensor"
    %axis = irdl.base "#builtin.dense_array"
    %keep_dims = irdl.base "#builtin.integer"
    irdl.operands(x: %x)
    irdl.results(out: %out)
    irdl.attributes {"axis" = %axis, "keep_dims" = %keep_dims}
  }
  // ReduceMax(keep_dims)(x, axis)
  irdl.operation @reduce_max {
    %x = irdl.base "!builtin.tensor"
    %out = irdl.base "!builtin.tensor"
    %axis = irdl.base "#builtin.dense_array"
    %keep_dims = irdl.base "#builtin.integer"
    irdl.operands(x: %x)
    irdl.results(out: %out)
    irdl.attributes {"axis" = %axis, "keep_dims" = %keep_dims}
  }
  // ReduceMin(keep_dims)(x, axis)
  irdl.operation @reduce_min {
    %x = irdl.base "!builtin.tensor"
    %out = irdl.base "!builtin.tensor"
    %axis = irdl.base "#builtin.dense_array"
    %keep_dims = irdl.base "#builtin.integer"
    irdl.operands(x: %x)
    irdl.results(out: %out)
    irdl.attributes {"axis" = %axis, "keep_dims" = %keep_dims}
  }
  // ReduceProd(keep_dims)(x, axis)
  irdl.operation @reduce_prod {
    %x = irdl.base "!builtin.tensor"
    %out = irdl.base "!builtin.tensor"
    %axis = irdl.base "#builtin.dense_array"
    %keep_dims = irdl.base "#builtin.integer"
    irdl.operands(x: %x)
    irdl.results(out: %out)
    irdl.attributes {"axis" = %axis, "keep_dims" = %keep_dims}
  }
  // Argmax(axis, output_type): index of the first maximum along axis; out is i32 or i64
  irdl.operation @argmax {
    %x = irdl.base "!builtin.tensor"
    %out = irdl.base "!builtin.tensor"
    %axis = irdl.base "#builtin.integer"
    irdl.operands(x: %x)
    irdl.results(out: %out)
    irdl.attributes {"axis" = %axis}
  }
  // Argmin(axis, output_type): index of the first minimum along axis; out is i32 or i64
  irdl.operation @argmin {
    %x = irdl.base "!builtin.tensor"
    %out = irdl.base "!builtin.tensor"
    %axis = irdl.base "#builtin.integer"
    irdl.operands(x: %x)
    irdl.results(out: %out)
    irdl.attributes {"axis" = %axis}
  }
  // CumSum(exclusive, reverse)(x, axis): running sums along axis; exclusive leaves the current
  // element out, reverse sums from the end
  irdl.operation @cumsum {
    %x = irdl.base "!builtin.tensor"
    %out = irdl.base "!builtin.tensor"
    %axis = irdl.base "#builtin.integer"
    %exclusive = irdl.base "#builtin.integer"
    %reverse = irdl.base "#builtin.integer"
    irdl.operands(x: %x)
    irdl.results(out: %out)
    irdl.attributes {"axis" = %axis, "exclusive" = %exclusive, "reverse" = %reverse}
  }
  // TopK(x, k): the k largest values along the last axis in descending order, and their indices
  // (i32); equal values come in index order
  irdl.operation @top_k {
    %x = irdl.base "!builtin.tensor"
    %values = irdl.base "!builtin.tensor"
    %indices = irdl.base "!builtin.tensor"
    %k = irdl.base "#builtin.integer"
    irdl.operands(x: %x)
    irdl.results(values: %values, indices: %indices)
    irdl.attributes {"k" = %k}
  }

  // ---- Shape and data movement.
  // Reshape(x, shape): shape has no -1 here (the frontend resolves it)
  irdl.operation @reshape {
    %x = irdl.base "!builtin.tensor"
    %out = irdl.base "!builtin.tensor"
    %shape = irdl.base "#builtin.dense_array"
    irdl.operands(x: %x)
    irdl.results(out: %out)
    irdl.attributes {"shape" = %shape}
  }
  // Transpose(x, perm)
  irdl.operation @transpose {
    %x = irdl.base "!builtin.tensor"
    %out = irdl.base "!builtin.tensor"
    %perm = irdl.base "#builtin.dense_array"
    irdl.operands(x: %x)
    irdl.results(out: %out)
    irdl.attributes {"perm" = %perm}
  }
  // BroadcastTo(shape)(x), numpy rules
  irdl.operation @broadcast_to {
    %x = irdl.base "!builtin.tensor"
    %out = irdl.base "!builtin.tensor"
    %shape = irdl.base "#builtin.dense_array"
    irdl.operands(x: %x)
    irdl.results(out: %out)
    irdl.attributes {"shape" = %shape}
  }
  // Concat(axis)(x, y). Binary: IRDL binds every value of a variadic operand to one type, so
  // inputs of different sizes could not be one variadic list; MindSpore's n-ary Concat is a chain.
  irdl.operation @concat {
    %x = irdl.base "!builtin.tensor"
    %y = irdl.base "!builtin.tensor"
    %out = irdl.base "!builtin.tensor"
    %axis = irdl.base "#builtin.integer"
    irdl.operands(x: %x, y: %y)
    irdl.results(out: %out)
    irdl.attributes {"axis" = %axis}
  }
  // StridedSlice with masks resolved: begin, end, strides have one entry per dimension
  irdl.operation @strided_slice {
    %x = irdl.base "!builtin.tensor"
    %out = irdl.base "!builtin.tensor"
    %begin = irdl.base "#builtin.dense_array"
    %end = irdl.base "#builtin.dense_array"
    %strides = irdl.base "#builtin.dense_array"
    irdl.operands(x: %x)
    irdl.results(out: %out)
    irdl.attributes {"begin" = %begin, "end" = %end, "strides" = %strides}
  }
  // Gather(params, indices, axis): indices i32/i64 (embedding lookup with axis = 0)
  irdl.operation @gather {
    %params = irdl.base "!builtin.tensor"
    %indices = irdl.base "!builtin.tensor"
    %out = irdl.base "!builtin.tensor"
    %axis = irdl.base "#builtin.integer"
    irdl.operands(params: %params, indices: %indices)
    irdl.results(out: %out)
    irdl.attributes {"axis" = %axis}
  }
  // OneHot(indices, depth, on_value, off_value, axis): on/off are 0-d tensors of the result dtype
  irdl.operation @one_hot {
    %indices = irdl.base "!builtin.tensor"
    %on_value = irdl.base "!builtin.tensor"
    %off_value = irdl.base "!builtin.tensor"
    %out = irdl.base "!builtin.tensor"
    %depth = irdl.base "#builtin.integer"
    %axis = irdl.base "#builtin.integer"
    irdl.operands(indices: %indices, on_value: %on_value, off_value: %off_value)
    irdl.results(out: %out)
    irdl.attributes {"depth" = %depth, "axis" = %axis}
  }
  // A constant tensor: value is a dense elements attribute of the result type
  irdl.operation @constant {
    %out = irdl.base "!builtin.tensor"
    %value = irdl.base "#builtin.dense_int_or_fp_elements"
    irdl.results(out: %out)
    irdl.attributes {"value" = %value}
  }
  // Fill(dtype, shape, value): value is a float or integer attribute of the result dtype
  irdl.operation @fill {
    %out = irdl.base "!builtin.tensor"
    %shape = irdl.base "#builtin.dense_array"
    %value = irdl.any
    irdl.results(out: %out)
    irdl.attributes {"shape" = %shape, "value" = %value}
  }
  // RandomUniform(key, shape, seed, dtype): floats uniform in [0, 1), a pure function of
  // (seed, key, element index): the key (a 0-d i64 counter) picks a fresh draw; see rules/random.py
  irdl.operation @random_uniform {
    %key = irdl.base "!builtin.tensor"
    %out = irdl.base "!builtin.tensor"
    %shape = irdl.base "#builtin.dense_array"
    %seed = irdl.base "#builtin.integer"
    %dtype = irdl.base "#builtin.type"
    irdl.operands(key: %key)
    irdl.results(out: %out)
    irdl.attributes {"shape" = %shape, "seed" = %seed, "dtype" = %dtype}
  }

  // ---- Gradient ops: what the VJP rules of conv2d, max_pool, strided_slice and gather emit.
  // Conv2DBackpropInput(dout, weight, input_size): the gradient of conv2d with respect to x
  irdl.operation @conv2d_backprop_input {
    %dout = irdl.base "!builtin.tensor"
    %weight = irdl.base "!builtin.tensor"
    %out = irdl.base "!builtin.tensor"
    %stride = irdl.base "#builtin.dense_array"
    %pad = irdl.base "#builtin.dense_array"
    %dilation = irdl.base "#builtin.dense_array"
    %group = irdl.base "#builtin.integer"
    %input_size = irdl.base "#builtin.dense_array"
    irdl.operands(dout: %dout, weight: %weight)
    irdl.results(out: %out)
    irdl.attributes {"stride" = %stride, "pad" = %pad, "dilation" = %dilation, "group" = %group, "input_size" = %input_size}
  }
  // Conv2DBackpropFilter(dout, x, filter_size): the gradient of conv2d with respect to weight
  irdl.operation @conv2d_backprop_filter {
    %dout = irdl.base "!builtin.tensor"
    %x = irdl.base "!builtin.tensor"
    %out = irdl.base "!builtin.tensor"
    %stride = irdl.base "#builtin.dense_array"
    %pad = irdl.base "#builtin.dense_array"
    %dilation = irdl.base "#builtin.dense_array"
    %group = irdl.base "#builtin.integer"
    %filter_size = irdl.base "#builtin.dense_array"
    irdl.operands(dout: %dout, x: %x)
    irdl.results(out: %out)
    irdl.attributes {"stride" = %stride, "pad" = %pad, "dilation" = %dilation, "group" = %group, "filter_size" = %filter_size}
  }
  // MaxPoolGrad(x, dout): dout routed to the first maximum of each window of x
  irdl.operation @max_pool_grad {
    %x = irdl.base "!builtin.tensor"
    %dout = irdl.base "!builtin.tensor"
    %out = irdl.base "!builtin.tensor"
    %kernel_size = irdl.base "#builtin.dense_array"
    %strides = irdl.base "#builtin.dense_array"
    %pad = irdl.base "#builtin.dense_array"
    irdl.operands(x: %x, dout: %dout)
    irdl.results(out: %out)
    irdl.attributes {"kernel_size" = %kernel_size, "strides" = %strides, "pad" = %pad}
  }
  // StridedSliceGrad(dout, shape, begin, end, strides): dout placed where strided_slice read x; zeros elsewhere
  irdl.operation @strided_slice_grad {
    %dout = irdl.base "!builtin.tensor"
    %out = irdl.base "!builtin.tensor"
    %shape = irdl.base "#builtin.dense_array"
    %begin = irdl.base "#builtin.dense_array"
    %end = irdl.base "#builtin.dense_array"
    %strides = irdl.base "#builtin.dense_array"
    irdl.operands(dout: %dout)
    irdl.results(out: %out)
    irdl.attributes {"shape" = %shape, "begin" = %begin, "end" = %end, "strides" = %strides}
  }
  // UnsortedSegmentSum(x, segment_ids, num_segments): out[s] = sum of x[i] where segment_ids[i] == s
  irdl.operation @unsorted_segment_sum {
    %x = irdl.base "!builtin.tensor"
    %segment_ids = irdl.base "!builtin.tensor"
    %out = irdl.base "!builtin.tensor"
    %num_segments = irdl.base "#builtin.integer"
    irdl.operands(x: %x, segment_ids: %segment_ids)
    irdl.results(out: %out)
    irdl.attributes {"num_segments" = %num_segments}
  }

  // ---- Automatic differentiation. StopGradient(x) is x, through which no gradient flows.
  irdl.operation @stop_gradient {
    %x = irdl.base "!builtin.tensor"
    %out = irdl.base "!builtin.tensor"
    irdl.operands(x: %x)
    irdl.results(out: %out)
  }
  // Derivative requests: each maps a function value (func.constant @f, or another request) to
  // the function computing a derivative of it; mind-autodiff replaces them by generated
  // functions. A function value keeps IRDL out of variadic operands, which it binds to one type.
  // Grad(fn, grad_position, has_aux, sens_param): (args..., [sens...]) -> (grads..., [aux...])
  irdl.operation @grad {
    %fn = irdl.base "!builtin.function"
    %out = irdl.base "!builtin.function"
    %grad_position = irdl.base "#builtin.dense_array"
    %has_aux = irdl.base "#builtin.integer"
    %sens_param = irdl.base "#builtin.integer"
    irdl.operands(fn: %fn)
    irdl.results(out: %out)
    irdl.attributes {"grad_position" = %grad_position, "has_aux" = %has_aux, "sens_param" = %sens_param}
  }
  // ValueAndGrad(fn, grad_position, has_aux, sens_param): (args..., [sens...]) -> (results..., grads...)
  irdl.operation @value_and_grad {
    %fn = irdl.base "!builtin.function"
    %out = irdl.base "!builtin.function"
    %grad_position = irdl.base "#builtin.dense_array"
    %has_aux = irdl.base "#builtin.integer"
    %sens_param = irdl.base "#builtin.integer"
    irdl.operands(fn: %fn)
    irdl.results(out: %out)
    irdl.attributes {"grad_position" = %grad_position, "has_aux" = %has_aux, "sens_param" = %sens_param}
  }
  // Vjp(fn): (args..., cotangents of results...) -> (results..., one cotangent per argument)
  irdl.operation @vjp {
    %fn = irdl.base "!builtin.function"
    %out = irdl.base "!builtin.function"
    irdl.operands(fn: %fn)
    irdl.results(out: %out)
  }
  // Jvp(fn): (args..., one tangent per argument) -> (results..., tangents of results...)
  irdl.operation @jvp {
    %fn = irdl.base "!builtin.function"
    %out = irdl.base "!builtin.function"
    irdl.operands(fn: %fn)
    irdl.results(out: %out)
  }

  // ---- Indexing updates (Tensor.__setitem__): functional, each returns a new x.
  // StridedSliceUpdate(x, value, begin, end, strides): x with x[b0:e0:s0, ...] = value
  irdl.operation @strided_slice_update {
    %x = irdl.base "!builtin.tensor"
    %value = irdl.base "!builtin.tensor"
    %out = irdl.base "!builtin.tensor"
    %begin = irdl.base "#builtin.dense_array"
    %end = irdl.base "#builtin.dense_array"
    %strides = irdl.base "#builtin.dense_array"
    irdl.operands(x: %x, value: %value)
    irdl.results(out: %out)
    irdl.attributes {"begin" = %begin, "end" = %end, "strides" = %strides}
  }
  // ScatterUpdate(x, indices, updates): x with x[indices[j..]] = updates[j..] along axis 0
  irdl.operation @scatter_update {
    %x = irdl.base "!builtin.tensor"
    %indices = irdl.base "!builtin.tensor"
    %updates = irdl.base "!builtin.tensor"
    %out = irdl.base "!builtin.tensor"
    irdl.operands(x: %x, indices: %indices, updates: %updates)
    irdl.results(out: %out)
  }

  // ---- Collectives (rules/collective.py). SPMD: every process runs the same program on its own
  // values. `grid` is the device grid (ranks are its row-major coordinates); `axes` are the grid
  // axes the collective runs over: a rank's group is the ranks that share its coordinates on the
  // other axes, and its group rank is the linear index of its coordinates on `axes`, in that order.
  // Lowered to MPI calls (MPICH ABI). n below is the product of grid[a] for a in axes.
  // AllReduce(x, reduce = "sum" | "mean" | "max" | "min" | "prod"): x combined over the group
  irdl.operation @all_reduce {
    %x = irdl.base "!builtin.tensor"
    %out = irdl.base "!builtin.tensor"
    %reduce = irdl.base "#builtin.string"
    %axes = irdl.base "#builtin.dense_array"
    %grid = irdl.base "#builtin.dense_array"
    irdl.operands(x: %x)
    irdl.results(out: %out)
    irdl.attributes {"reduce" = %reduce, "axes" = %axes, "grid" = %grid}
  }
  // AllGather(x, dim): the members' x joined along dim in group-rank order (shape[dim] * n)
  irdl.operation @all_gather {
    %x = irdl.base "!builtin.tensor"
    %out = irdl.base "!builtin.tensor"
    %dim = irdl.base "#builtin.integer"
    %axes = irdl.base "#builtin.dense_array"
    %grid = irdl.base "#builtin.dense_array"
    irdl.operands(x: %x)
    irdl.results(out: %out)
    irdl.attributes {"dim" = %dim, "axes" = %axes, "grid" = %grid}
  }
  // ReduceScatter(x, dim, reduce): piece g (of n along dim) of x combined over the group, on group rank g
  irdl.operation @reduce_scatter {
    %x = irdl.base "!builtin.tensor"
    %out = irdl.base "!builtin.tensor"
    %dim = irdl.base "#builtin.integer"
    %reduce = irdl.base "#builtin.string"
    %axes = irdl.base "#builtin.dense_array"
    %grid = irdl.base "#builtin.dense_array"
    irdl.operands(x: %x)
    irdl.results(out: %out)
    irdl.attributes {"dim" = %dim, "reduce" = %reduce, "axes" = %axes, "grid" = %grid}
  }
  // AllToAll(x, split_dim, concat_dim): piece j of x along split_dim goes to group rank j; the
  // pieces received are joined along concat_dim in group-rank order
  irdl.operation @all_to_all {
    %x = irdl.base "!builtin.tensor"
    %out = irdl.base "!builtin.tensor"
    %split_dim = irdl.base "#builtin.integer"
    %concat_dim = irdl.base "#builtin.integer"
    %axes = irdl.base "#builtin.dense_array"
    %grid = irdl.base "#builtin.dense_array"
    irdl.operands(x: %x)
    irdl.results(out: %out)
    irdl.attributes {"split_dim" = %split_dim, "concat_dim" = %concat_dim, "axes" = %axes, "grid" = %grid}
  }
  // Broadcast(x, root): the x of group rank `root` on every member
  irdl.operation @broadcast {
    %x = irdl.base "!builtin.tensor"
    %out = irdl.base "!builtin.tensor"
    %root = irdl.base "#builtin.integer"
    %axes = irdl.base "#builtin.dense_array"
    %grid = irdl.base "#builtin.dense_array"
    irdl.operands(x: %x)
    irdl.results(out: %out)
    irdl.attributes {"root" = %root, "axes" = %axes, "grid" = %grid}
  }
  // ShardSlice(x, dim): this rank's piece of x along dim, piece g of n on group rank g (no
  // communication; the rank's coordinates are read at run time)
  irdl.operation @shard_slice {
    %x = irdl.base "!builtin.tensor"
    %out = irdl.base "!builtin.tensor"
    %dim = irdl.base "#builtin.integer"
    %axes = irdl.base "#builtin.dense_array"
    %grid = irdl.base "#builtin.dense_array"
    irdl.operands(x: %x)
    irdl.results(out: %out)
    irdl.attributes {"dim" = %dim, "axes" = %axes, "grid" = %grid}
  }
}
