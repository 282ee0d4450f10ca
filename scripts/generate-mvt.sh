#!/usr/bin/env bash
# Regenerates Sources/FrontlineTiles/MVT/vector_tile.pb.swift from vector_tile.proto (the MVT 2.1
# schema) with protoc (Debian's protobuf-compiler) and protoc-gen-swift of the swift-protobuf
# version Package.swift names. The generated file is committed: a build needs neither tool.
set -euo pipefail
cd "$(dirname "$0")/.."
command -v protoc >/dev/null || { echo "generate-mvt: needs protoc (apt-get install protobuf-compiler)" >&2; exit 1; }
swift package resolve >/dev/null
(cd .build/checkouts/swift-protobuf && swift build -c release --product protoc-gen-swift >/dev/null)
plugin=$(cd .build/checkouts/swift-protobuf && swift build -c release --show-bin-path)/protoc-gen-swift
protoc --plugin=protoc-gen-swift="$plugin" --swift_opt=Visibility=Internal \
  --proto_path=Sources/FrontlineTiles/MVT --swift_out=Sources/FrontlineTiles/MVT vector_tile.proto
echo "generate-mvt: wrote Sources/FrontlineTiles/MVT/vector_tile.pb.swift"
