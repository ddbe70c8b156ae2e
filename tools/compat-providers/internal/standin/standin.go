// Package standin holds what both stand-in providers share: the label they print and the
// warning they attach to every configured run, so that nobody mistakes them for the real
// providers.
package standin

import (
	"fmt"
	"os"
	"strings"
)

// SourceHash is the SHA-256 of the module's sources the binary was built from, set at build time
// by scripts/toolchain.sh (-ldflags -X); the project's conformance test compares it with the
// checkout's sources, so a stale binary cannot pass for the current code.
var SourceHash = "unknown"

// Label is the one-line description printed by `-version` and put into schema descriptions.
func Label(source, version string) string {
	return fmt.Sprintf("STAND-IN for %s %s (aurora-cdktf compat provider; NOT the real provider; implements only a subset of its schema)", source, version)
}

// WarningSummary and WarningDetail form the warning diagnostic every configure returns.
func WarningSummary(source string) string {
	return fmt.Sprintf("Stand-in provider in use: %s", source)
}

func WarningDetail(source, version string) string {
	return fmt.Sprintf("This is the aurora-cdktf stand-in for %s %s, built from tools/compat-providers "+
		"for the project's own tests on machines that cannot download the real provider. It implements "+
		"only the resources and attributes that the project's constructs use. Users with registry access "+
		"get the real provider; do not use this binary for real infrastructure.", source, version)
}

// HandleCLI prints the label and exits when the binary is run by hand with -version/--version/-h,
// instead of the framework's "This binary is a plugin" message.
func HandleCLI(source, version string) {
	for _, a := range os.Args[1:] {
		switch strings.TrimLeft(a, "-") {
		case "version", "v", "help", "h":
			fmt.Println(Label(source, version) + "; source sha256 " + SourceHash)
			os.Exit(0)
		}
	}
}
