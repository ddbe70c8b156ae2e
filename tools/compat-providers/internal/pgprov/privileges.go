package pgprov

import "fmt"

// allowedPrivileges lists, per object type, the privilege names the real provider accepts, in
// upper case only as it does ("ALL" included).
var allowedPrivileges = map[string][]string{
	"database":             {"ALL", "CREATE", "CONNECT", "TEMPORARY"},
	"table":                {"ALL", "SELECT", "INSERT", "UPDATE", "DELETE", "TRUNCATE", "REFERENCES", "TRIGGER"},
	"sequence":             {"ALL", "USAGE", "SELECT", "UPDATE"},
	"schema":               {"ALL", "CREATE", "USAGE"},
	"function":             {"ALL", "EXECUTE"},
	"procedure":            {"ALL", "EXECUTE"},
	"routine":              {"ALL", "EXECUTE"},
	"type":                 {"ALL", "USAGE"},
	"foreign_data_wrapper": {"ALL", "USAGE"},
	"foreign_server":       {"ALL", "USAGE"},
	"column":               {"ALL", "SELECT", "INSERT", "UPDATE", "REFERENCES"},
}

// validatePrivileges is the real provider's check before it applies privileges: each must be one
// of the type's allowed names, exactly (so "select" is refused).
func validatePrivileges(objectType string, privs []string) error {
	allowed, ok := allowedPrivileges[objectType]
	if !ok {
		return fmt.Errorf("unknown object type %s", objectType)
	}
	for _, p := range privs {
		found := false
		for _, a := range allowed {
			found = found || a == p
		}
		if !found {
			return fmt.Errorf("%s is not an allowed privilege for object type %s", p, objectType)
		}
	}
	return nil
}

// privilegesEqual is the real provider's comparison of what a refresh found with what the state
// holds: the same set, or "ALL" in the state and exactly all of the type's privileges granted.
func privilegesEqual(objectType string, granted, wanted []string) bool {
	if sameStringSets(dedupe(granted), dedupe(wanted)) {
		return true
	}
	hasAll := false
	for _, w := range wanted {
		hasAll = hasAll || w == "ALL"
	}
	if !hasAll {
		return false
	}
	var implicit []string
	for _, p := range allowedPrivileges[objectType] {
		if p != "ALL" {
			implicit = append(implicit, p)
		}
	}
	return sameStringSets(dedupe(granted), implicit)
}

func dedupe(values []string) []string {
	seen := map[string]bool{}
	var out []string
	for _, v := range values {
		if !seen[v] {
			seen[v] = true
			out = append(out, v)
		}
	}
	return out
}
