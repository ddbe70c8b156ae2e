package pgprov

import (
	"sort"
	"strings"
)

// allPrivileges lists what ALL means for each object type of postgresql_grant and
// postgresql_default_privileges.
var allPrivileges = map[string][]string{
	"database":             {"CREATE", "CONNECT", "TEMPORARY"},
	"schema":               {"CREATE", "USAGE"},
	"table":                {"SELECT", "INSERT", "UPDATE", "DELETE", "TRUNCATE", "REFERENCES", "TRIGGER"},
	"sequence":             {"USAGE", "SELECT", "UPDATE"},
	"function":             {"EXECUTE"},
	"procedure":            {"EXECUTE"},
	"routine":              {"EXECUTE"},
	"foreign_data_wrapper": {"USAGE"},
	"foreign_server":       {"USAGE"},
	"column":               {"SELECT", "INSERT", "UPDATE", "REFERENCES"},
	"type":                 {"USAGE"},
}

// canonicalPrivileges upper-cases, maps TEMP to TEMPORARY and expands ALL [PRIVILEGES].
func canonicalPrivileges(objectType string, privs []string) []string {
	set := map[string]bool{}
	for _, p := range privs {
		u := strings.ToUpper(strings.TrimSpace(p))
		switch u {
		case "TEMP":
			u = "TEMPORARY"
		case "ALL", "ALL PRIVILEGES":
			for _, a := range allPrivileges[objectType] {
				set[a] = true
			}
			continue
		}
		set[u] = true
	}
	out := make([]string, 0, len(set))
	for p := range set {
		out = append(out, p)
	}
	sort.Strings(out)
	return out
}

// privilegesForSQL renders a privilege list for GRANT.
func privilegesForSQL(objectType string, privs []string) string {
	return strings.Join(canonicalPrivileges(objectType, privs), ", ")
}

// invalidPrivileges returns the privileges that do not apply to the object type.
func invalidPrivileges(objectType string, privs []string) []string {
	allowed := map[string]bool{}
	for _, a := range allPrivileges[objectType] {
		allowed[a] = true
	}
	var bad []string
	for _, p := range canonicalPrivileges(objectType, privs) {
		if !allowed[p] {
			bad = append(bad, p)
		}
	}
	return bad
}

// intersect returns the privileges present in every set.
func intersect(sets [][]string) []string {
	if len(sets) == 0 {
		return nil
	}
	count := map[string]int{}
	for _, s := range sets {
		seen := map[string]bool{}
		for _, p := range s {
			if !seen[p] {
				seen[p] = true
				count[p]++
			}
		}
	}
	var out []string
	for p, n := range count {
		if n == len(sets) {
			out = append(out, p)
		}
	}
	sort.Strings(out)
	return out
}

// keepSpelling returns prior when it denotes the same privileges as actual (so "select" or "ALL"
// in the configuration does not show as drift), else actual.
func keepSpelling(objectType string, prior, actual []string) []string {
	if sameStringSets(canonicalPrivileges(objectType, prior), canonicalPrivileges(objectType, actual)) {
		return prior
	}
	return actual
}
