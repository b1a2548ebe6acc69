//go:build tools

// Package tools pins the release tools: GoReleaser v2.15.1 built with nfpm
// v2.48.0, the first nfpm whose rpm payload paths are relative
// (./usr/bin/keyhole), so that rpm2cpio | cpio -idmv unpacks into the
// current folder rather than into /. GoReleaser v2.15.1 bundles nfpm
// v2.45.2; the later GoReleaser that bundles 2.48 needs a newer Go.
package tools

import _ "github.com/goreleaser/goreleaser/v2"
