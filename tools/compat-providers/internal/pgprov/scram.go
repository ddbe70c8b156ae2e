package pgprov

import (
	"crypto/hmac"
	"crypto/md5"
	"crypto/pbkdf2"
	"crypto/rand"
	"crypto/sha256"
	"encoding/base64"
	"encoding/hex"
	"fmt"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/bidi"
	"golang.org/x/text/unicode/norm"
)

const scramIterations = 4096

// isPrehashed tells whether a password is already a verifier PostgreSQL stores as-is.
func isPrehashed(pw string) bool {
	if strings.HasPrefix(pw, "SCRAM-SHA-256$") {
		return true
	}
	if len(pw) == 35 && strings.HasPrefix(pw, "md5") {
		_, err := hex.DecodeString(pw[3:])
		return err == nil
	}
	return false
}

// passwordForSQL returns what goes after PASSWORD in CREATE/ALTER ROLE: never the clear text. A
// clear-text password is turned into a SCRAM-SHA-256 verifier here, so that statement logging
// (log_statement, pgaudit) only ever sees the verifier; PostgreSQL stores a verifier unchanged.
func passwordForSQL(pw string) (string, error) {
	if isPrehashed(pw) {
		return ql(pw), nil
	}
	v, err := scramVerifier(pw)
	if err != nil {
		return "", err
	}
	return ql(v), nil
}

func scramVerifier(password string) (string, error) {
	salt := make([]byte, 16)
	if _, err := rand.Read(salt); err != nil {
		return "", err
	}
	return scramVerifierWithSalt(password, salt, scramIterations)
}

func scramKeys(password string, salt []byte, iterations int) (storedKey, serverKey []byte, err error) {
	salted, err := pbkdf2.Key(sha256.New, saslPrep(password), salt, iterations, sha256.Size)
	if err != nil {
		return nil, nil, err
	}
	clientKey := hmacSHA256(salted, "Client Key")
	sk := sha256.Sum256(clientKey)
	return sk[:], hmacSHA256(salted, "Server Key"), nil
}

func scramVerifierWithSalt(password string, salt []byte, iterations int) (string, error) {
	storedKey, serverKey, err := scramKeys(password, salt, iterations)
	if err != nil {
		return "", err
	}
	b64 := base64.StdEncoding.EncodeToString
	return fmt.Sprintf("SCRAM-SHA-256$%d:%s$%s:%s", iterations, b64(salt), b64(storedKey), b64(serverKey)), nil
}

func hmacSHA256(key []byte, msg string) []byte {
	h := hmac.New(sha256.New, key)
	h.Write([]byte(msg))
	return h.Sum(nil)
}

// storedPasswordMatches tells whether a stored rolpassword corresponds to a password (clear text
// or a verifier) for a role name. ok is false when it cannot tell.
func storedPasswordMatches(stored, password, role string) (match bool, ok bool) {
	if isPrehashed(password) {
		return stored == password, true
	}
	switch {
	case strings.HasPrefix(stored, "SCRAM-SHA-256$"):
		// SCRAM-SHA-256$<iter>:<salt>$<StoredKey>:<ServerKey>
		rest := strings.TrimPrefix(stored, "SCRAM-SHA-256$")
		a, b, found := strings.Cut(rest, "$")
		if !found {
			return false, false
		}
		iterStr, saltB64, found := strings.Cut(a, ":")
		if !found {
			return false, false
		}
		storedKeyB64, _, found := strings.Cut(b, ":")
		if !found {
			return false, false
		}
		iter, err := strconv.Atoi(iterStr)
		if err != nil {
			return false, false
		}
		salt, err := base64.StdEncoding.DecodeString(saltB64)
		if err != nil {
			return false, false
		}
		sk, _, err := scramKeys(password, salt, iter)
		if err != nil {
			return false, false
		}
		return base64.StdEncoding.EncodeToString(sk) == storedKeyB64, true
	case len(stored) == 35 && strings.HasPrefix(stored, "md5"):
		sum := md5.Sum([]byte(password + role))
		return "md5"+hex.EncodeToString(sum[:]) == stored, true
	case stored == "":
		return password == "", true
	}
	return stored == password, true
}

// saslPrep normalizes a password the way PostgreSQL does before SCRAM hashing (RFC 4013
// SASLprep). Pure ASCII passwords are used unchanged, as PostgreSQL does. For others this
// applies the mapping, NFKC and the prohibited-output and bidi checks; when a check fails,
// PostgreSQL (and so this) falls back to the raw bytes. Unassigned code points are judged by
// Go's Unicode tables, not Unicode 3.2 as RFC 3454 says (a documented limitation).
func saslPrep(pw string) string {
	ascii := true
	for i := 0; i < len(pw); i++ {
		if pw[i] >= 0x80 {
			ascii = false
			break
		}
	}
	if ascii || !utf8.ValidString(pw) {
		return pw
	}
	var b strings.Builder
	for _, r := range pw {
		if mapsToNothing(r) {
			continue
		}
		if r != ' ' && unicode.Is(unicode.Zs, r) {
			r = ' '
		}
		b.WriteRune(r)
	}
	out := norm.NFKC.String(b.String())
	if out == "" {
		return pw
	}
	hasRandAL, hasL := false, false
	for _, r := range out {
		if prohibited(r) {
			return pw
		}
		p, _ := bidi.LookupRune(r)
		switch p.Class() {
		case bidi.R, bidi.AL:
			hasRandAL = true
		case bidi.L:
			hasL = true
		}
	}
	if hasRandAL {
		first, _ := utf8.DecodeRuneInString(out)
		last, _ := utf8.DecodeLastRuneInString(out)
		pf, _ := bidi.LookupRune(first)
		pl, _ := bidi.LookupRune(last)
		isRAL := func(c bidi.Class) bool { return c == bidi.R || c == bidi.AL }
		if hasL || !isRAL(pf.Class()) || !isRAL(pl.Class()) {
			return pw
		}
	}
	return out
}

// mapsToNothing is RFC 3454 table B.1.
func mapsToNothing(r rune) bool {
	switch r {
	case 0x00AD, 0x034F, 0x1806, 0x180B, 0x180C, 0x180D, 0x200B, 0x200C, 0x200D, 0x2060, 0xFEFF:
		return true
	}
	return r >= 0xFE00 && r <= 0xFE0F
}

// prohibited covers RFC 4013 section 2.3 (tables C.1.2 to C.9) and unassigned code points.
func prohibited(r rune) bool {
	switch {
	case r != ' ' && unicode.Is(unicode.Zs, r): // C.1.2
		return true
	case r < 0x20 || r == 0x7F: // C.2.1
		return true
	case r >= 0x80 && r <= 0x9F, r == 0x06DD, r == 0x070F, r == 0x180E, r == 0x200C, r == 0x200D,
		r == 0x2028, r == 0x2029, r >= 0x2060 && r <= 0x2063, r >= 0x206A && r <= 0x206F, r == 0xFEFF,
		r >= 0xFFF9 && r <= 0xFFFC, r >= 0x1D173 && r <= 0x1D17A: // C.2.2
		return true
	case r >= 0xE000 && r <= 0xF8FF, r >= 0xF0000 && r <= 0xFFFFD, r >= 0x100000 && r <= 0x10FFFD: // C.3
		return true
	case r >= 0xFDD0 && r <= 0xFDEF, r&0xFFFE == 0xFFFE: // C.4
		return true
	case r >= 0xD800 && r <= 0xDFFF: // C.5
		return true
	case r >= 0xFFF9 && r <= 0xFFFD: // C.6
		return true
	case r >= 0x2FF0 && r <= 0x2FFB: // C.7
		return true
	case r == 0x0340, r == 0x0341, r == 0x200E, r == 0x200F, r >= 0x202A && r <= 0x202E, r >= 0x206A && r <= 0x206F: // C.8
		return true
	case r == 0xE0001, r >= 0xE0020 && r <= 0xE007F: // C.9
		return true
	}
	return !unicode.In(r, unicode.L, unicode.M, unicode.N, unicode.P, unicode.S, unicode.Z, unicode.Cf)
}
