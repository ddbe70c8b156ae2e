package standin

import (
	"strings"
	"testing"
)

// The README promises that both binaries say what they are, wherever a user may see them.
func TestEveryLabelSaysStandIn(t *testing.T) {
	const source, version = "acme/thing", "9.9.9"
	for name, s := range map[string]string{
		"label":   Label(source, version),
		"warning": WarningSummary(source) + " " + WarningDetail(source, version),
	} {
		if !strings.Contains(strings.ToLower(s), "stand-in") || !strings.Contains(s, source) {
			t.Errorf("%s does not name the stand-in and its source: %s", name, s)
		}
	}
	if l := Label(source, version); !strings.Contains(l, version) || !strings.Contains(l, "NOT the real provider") {
		t.Errorf("label: %s", l)
	}
	if d := WarningDetail(source, version); !strings.Contains(d, version) || !strings.Contains(d, "do not use this binary for real infrastructure") {
		t.Errorf("warning detail: %s", d)
	}
}
