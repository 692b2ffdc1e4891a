// What it takes to write a parsed CEL rule as bytes and read it back (cel-syntax-cache.ts): the
// syntax tree's protobuf schema and protobuf's binary codec.
export { toBinary, fromBinary } from '@bufbuild/protobuf';
export { ParsedExprSchema } from '@bufbuild/cel-spec/cel/expr/syntax_pb.js';
