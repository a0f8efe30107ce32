#!/usr/bin/env bash
# Regenerates Sources/DamRunLog/Proto/*.pb.swift from the .proto files beside them.
#
# Needs protoc (Debian: `apt-get install -y protobuf-compiler`). Builds protoc-gen-swift from
# swift-protobuf at the version Package.swift asks for, in .build-protoc/ (git-ignored; the first build
# takes several minutes), so the generated code matches the SwiftProtobuf library it is compiled with.
set -euo pipefail
cd "$(dirname "$0")/.."

version="${SWIFT_PROTOBUF_VERSION:-1.39.0}"
checkout=.build-protoc/swift-protobuf
plugin="$checkout/.build/release/protoc-gen-swift"

if ! command -v protoc > /dev/null; then
  echo "protoc is missing: apt-get install -y protobuf-compiler" >&2
  exit 1
fi
if [ "$(git -C "$checkout" describe --tags 2> /dev/null || true)" != "$version" ]; then
  rm -rf "$checkout"
  mkdir -p .build-protoc
  git -c advice.detachedHead=false clone -q --depth 1 --branch "$version" \
    https://github.com/apple/swift-protobuf "$checkout"
fi
if [ ! -x "$plugin" ]; then
  (cd "$checkout" && swift build -c release --product protoc-gen-swift)
fi

proto_dir=Sources/DamRunLog/Proto
# Internal types behind `internal import SwiftProtobuf`: nothing of protobuf leaks into DamRunLog's API.
protoc --plugin=protoc-gen-swift="$plugin" \
  --swift_opt=Visibility=Internal --swift_opt=UseAccessLevelOnImports=true --swift_opt=FileNaming=DropPath \
  --proto_path="$proto_dir" --swift_out="$proto_dir" "$proto_dir"/*.proto
echo "generated $(ls "$proto_dir"/*.pb.swift) with protoc-gen-swift $version and $(protoc --version)"
