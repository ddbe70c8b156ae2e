package pgprov

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"net"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/lib/pq"
	"golang.org/x/net/proxy"
)

// ClientConfig is the resolved provider configuration (attributes, then PG* environment, then
// defaults).
type ClientConfig struct {
	Host             string
	Port             int64
	Database         string
	Username         string
	DatabaseUsername string
	Password         string
	SSLMode          string
	SSLRootCert      string
	ClientCert       string
	ClientKey        string
	SSLInline        bool
	ConnectTimeout   int64
	MaxConnections   int64
	Superuser        bool
}

// Client hands out one connection pool per database, opened lazily on first use.
type Client struct {
	cfg ClientConfig
	// notReady is set when the provider configuration was not known at configure time (it
	// depends on values computed during apply); any database access then fails with it.
	notReady error

	mu    sync.Mutex
	pools map[string]*sql.DB
}

func newClient(cfg ClientConfig) *Client {
	return &Client{cfg: cfg, pools: map[string]*sql.DB{}}
}

// dbName resolves a resource's optional database to the provider default.
func (c *Client) dbName(name string) string {
	if name == "" {
		return c.cfg.Database
	}
	return name
}

func dsnValue(v string) string {
	v = strings.ReplaceAll(v, `\`, `\\`)
	v = strings.ReplaceAll(v, `'`, `\'`)
	return "'" + v + "'"
}

func (c *Client) dsn(database string) string {
	parts := []string{
		"host=" + dsnValue(c.cfg.Host),
		"port=" + strconv.FormatInt(c.cfg.Port, 10),
		"dbname=" + dsnValue(database),
		"user=" + dsnValue(c.cfg.Username),
		"password=" + dsnValue(c.cfg.Password),
		"sslmode=" + dsnValue(c.cfg.SSLMode),
		"connect_timeout=" + strconv.FormatInt(c.cfg.ConnectTimeout, 10),
		"application_name=" + dsnValue("terraform-provider-postgresql (aurora-cdktf stand-in)"),
	}
	if c.cfg.SSLRootCert != "" {
		parts = append(parts, "sslrootcert="+dsnValue(c.cfg.SSLRootCert))
	}
	if c.cfg.ClientCert != "" {
		parts = append(parts, "sslcert="+dsnValue(c.cfg.ClientCert), "sslkey="+dsnValue(c.cfg.ClientKey))
		if c.cfg.SSLInline {
			parts = append(parts, "sslinline=true")
		}
	}
	return strings.Join(parts, " ")
}

// DB returns the pool for a database ("" = the provider's database).
func (c *Client) DB(ctx context.Context, database string) (*sql.DB, error) {
	if c == nil {
		return nil, errors.New("the postgresql provider is not configured")
	}
	if c.notReady != nil {
		return nil, c.notReady
	}
	database = c.dbName(database)
	c.mu.Lock()
	defer c.mu.Unlock()
	if db, ok := c.pools[database]; ok {
		return db, nil
	}
	conn, err := pq.NewConnector(c.dsn(database))
	if err != nil {
		return nil, fmt.Errorf("invalid connection settings for database %q: %w", database, err)
	}
	conn.Dialer(proxyDialer{})
	db := sql.OpenDB(conn)
	db.SetMaxOpenConns(int(c.cfg.MaxConnections))
	db.SetMaxIdleConns(2)
	db.SetConnMaxIdleTime(30 * time.Second)
	pingCtx := ctx
	if c.cfg.ConnectTimeout > 0 { // 0 = wait indefinitely, as libpq
		var cancel context.CancelFunc
		pingCtx, cancel = context.WithTimeout(ctx, time.Duration(c.cfg.ConnectTimeout+5)*time.Second)
		defer cancel()
	}
	if err := db.PingContext(pingCtx); err != nil {
		db.Close()
		return nil, &connectError{host: c.cfg.Host, port: c.cfg.Port, database: database, user: c.cfg.Username, err: err}
	}
	c.pools[database] = db
	return db, nil
}

// Forget closes and drops the pool of a database (before it is dropped or renamed).
func (c *Client) Forget(database string) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if db, ok := c.pools[database]; ok {
		db.Close()
		delete(c.pools, database)
	}
}

// proxyDialer dials through the proxy named by ALL_PROXY / all_proxy (e.g. socks5://127.0.0.1:1080,
// honouring NO_PROXY), as the real provider does; without it, directly.
type proxyDialer struct{}

func (proxyDialer) Dial(network, address string) (net.Conn, error) {
	return proxyDialer{}.DialContext(context.Background(), network, address)
}

func (proxyDialer) DialTimeout(network, address string, timeout time.Duration) (net.Conn, error) {
	ctx, cancel := context.WithTimeout(context.Background(), timeout)
	defer cancel()
	return proxyDialer{}.DialContext(ctx, network, address)
}

func (proxyDialer) DialContext(ctx context.Context, network, address string) (net.Conn, error) {
	return proxy.Dial(ctx, network, address)
}

type connectError struct {
	host, database, user string
	port                 int64
	err                  error
}

func (e *connectError) Error() string {
	return fmt.Sprintf("error connecting to PostgreSQL server %s:%d (database %q, user %q): %v", e.host, e.port, e.database, e.user, e.err)
}
func (e *connectError) Unwrap() error { return e.err }

// sqlState returns the SQLSTATE of a PostgreSQL error, or "".
func sqlState(err error) string {
	var pqErr *pq.Error
	if errors.As(err, &pqErr) {
		return string(pqErr.Code)
	}
	return ""
}

// isMissingDatabase tells whether err says the database does not exist (so a resource in it is gone).
func isMissingDatabase(err error) bool {
	return sqlState(err) == "3D000"
}

// WithTx runs fn in one transaction on a database's pool.
func (c *Client) WithTx(ctx context.Context, database string, fn func(tx *sql.Tx) error) error {
	db, err := c.DB(ctx, database)
	if err != nil {
		return err
	}
	tx, err := db.BeginTx(ctx, nil)
	if err != nil {
		return err
	}
	if err := fn(tx); err != nil {
		_ = tx.Rollback()
		return err
	}
	return tx.Commit()
}

// execer is what both *sql.DB and *sql.Tx offer.
type execer interface {
	ExecContext(ctx context.Context, query string, args ...any) (sql.Result, error)
	QueryContext(ctx context.Context, query string, args ...any) (*sql.Rows, error)
	QueryRowContext(ctx context.Context, query string, args ...any) *sql.Row
}

func exec(ctx context.Context, q execer, stmt string, args ...any) error {
	if _, err := q.ExecContext(ctx, stmt, args...); err != nil {
		return fmt.Errorf("%w (statement: %s)", err, redact(stmt))
	}
	return nil
}

// redact hides password clauses from statements quoted in error messages.
func redact(stmt string) string {
	if i := strings.Index(strings.ToUpper(stmt), " PASSWORD "); i >= 0 {
		rest := stmt[i+len(" PASSWORD "):]
		if strings.HasPrefix(rest, "'") || strings.HasPrefix(rest, "E'") {
			return stmt[:i] + " PASSWORD '***'"
		}
	}
	return stmt
}

// loginRole is the provider's login user name (database_username when set, as user name maps
// need): what the real provider reassigns a dropped role's objects to.
func (c *Client) loginRole() string {
	if c.cfg.DatabaseUsername != "" {
		return c.cfg.DatabaseUsername
	}
	return c.cfg.Username
}

func isSuperuser(ctx context.Context, q execer, role string) (bool, error) {
	var super bool
	if err := q.QueryRowContext(ctx, "SELECT rolsuper FROM pg_roles WHERE rolname = $1", role).Scan(&super); err != nil {
		return false, fmt.Errorf("could not check if role %s is superuser: %w", role, err)
	}
	return super, nil
}

// isMemberOf tells whether member is a direct member of role (on PostgreSQL 16 and later: with
// the SET option), the test the real provider makes before a temporary grant.
func isMemberOf(ctx context.Context, q execer, role, member string) (bool, error) {
	var hasSetOption bool
	if err := q.QueryRowContext(ctx,
		"SELECT EXISTS (SELECT 1 FROM information_schema.columns WHERE table_name = 'pg_auth_members' AND column_name = 'set_option')").
		Scan(&hasSetOption); err != nil {
		return false, fmt.Errorf("could not read setOption column: %w", err)
	}
	query := "SELECT EXISTS (SELECT 1 FROM pg_auth_members WHERE pg_get_userbyid(roleid) = $1 AND pg_get_userbyid(member) = $2"
	if hasSetOption {
		query += " AND set_option"
	}
	var ok bool
	if err := q.QueryRowContext(ctx, query+")", role, member).Scan(&ok); err != nil {
		return false, fmt.Errorf("could not read role membership: %w", err)
	}
	return ok, nil
}

// grantMembership grants role to member unless member is role or already a member; it tells
// whether it did.
func grantMembership(ctx context.Context, tx *sql.Tx, role, member string) (bool, error) {
	if role == member {
		return false, nil
	}
	if ok, err := isMemberOf(ctx, tx, role, member); err != nil || ok {
		return false, err
	}
	if err := exec(ctx, tx, "GRANT "+qi(role)+" TO "+qi(member)); err != nil {
		return false, fmt.Errorf("error granting role %s to %s: %w", role, member, err)
	}
	return true, nil
}

// revokeMembership revokes role from member when member is a direct member; it tells whether it did.
func revokeMembership(ctx context.Context, tx *sql.Tx, role, member string) (bool, error) {
	if role == member {
		return false, nil
	}
	if ok, err := isMemberOf(ctx, tx, role, member); err != nil || !ok {
		return false, err
	}
	if err := exec(ctx, tx, "REVOKE "+qi(role)+" FROM "+qi(member)); err != nil {
		return false, fmt.Errorf("error revoking role %s from %s: %w", role, member, err)
	}
	return true, nil
}

// withRolesGranted runs fn after making the session's user (SELECT CURRENT_USER, as the real
// provider asks) a direct member of each role, as the real provider does: unless that user is a
// superuser (its rolsuper, whatever the provider's `superuser` setting says), each role that is
// not a superuser and not yet a direct member is granted (`GRANT "owner" TO "rds_master"`) and
// revoked again after fn; a reverse membership (the user a member of the role) is revoked first
// and granted back afterwards. All of it happens inside the operation's transaction, as with the
// real provider.
func (c *Client) withRolesGranted(ctx context.Context, tx *sql.Tx, roles []string, fn func() error) error {
	if len(roles) == 0 {
		return fn()
	}
	var current string
	if err := tx.QueryRowContext(ctx, "SELECT CURRENT_USER").Scan(&current); err != nil {
		return fmt.Errorf("error while looking for the current user: %w", err)
	}
	super, err := isSuperuser(ctx, tx, current)
	if err != nil {
		return err
	}
	if super {
		return fn()
	}
	var granted, revoked []string
	for _, r := range roles {
		rs, err := isSuperuser(ctx, tx, r)
		if err != nil {
			return err
		}
		if rs {
			continue // PostgreSQL refuses it; the real provider skips it with a warning
		}
		did, err := revokeMembership(ctx, tx, current, r)
		if err != nil {
			return err
		}
		if did {
			revoked = append(revoked, r)
		}
		if did, err = grantMembership(ctx, tx, r, current); err != nil {
			return err
		} else if did {
			granted = append(granted, r)
		}
	}
	if err := fn(); err != nil {
		return err
	}
	for _, r := range granted {
		if _, err := revokeMembership(ctx, tx, r, current); err != nil {
			return err
		}
	}
	for _, r := range revoked {
		ok, err := roleExists(ctx, tx, r)
		if err != nil {
			return err
		}
		if !ok {
			continue
		}
		if _, err := grantMembership(ctx, tx, current, r); err != nil {
			return err
		}
	}
	return nil
}

// lockRole takes the real provider's transaction-scoped advisory locks on a role and on its
// members (after lifting the session's statement_timeout, as it does), so that operations on the
// same role serialize.
func lockRole(ctx context.Context, tx *sql.Tx, role string) error {
	if err := exec(ctx, tx, "SET statement_timeout = 0"); err != nil {
		return fmt.Errorf("could not disable statement_timeout: %w", err)
	}
	if err := exec(ctx, tx, "SELECT pg_advisory_xact_lock(oid::bigint) FROM pg_roles WHERE rolname = $1", role); err != nil {
		return fmt.Errorf("could not get advisory lock for role %s: %w", role, err)
	}
	if err := exec(ctx, tx, "SELECT pg_advisory_xact_lock(member::bigint) FROM pg_auth_members JOIN pg_roles ON roleid = pg_roles.oid WHERE rolname = $1", role); err != nil {
		return fmt.Errorf("could not get advisory lock for members of role %s: %w", role, err)
	}
	return nil
}

// lockDatabase takes the real provider's advisory lock on a database (database grants).
func lockDatabase(ctx context.Context, tx *sql.Tx, database string) error {
	if err := exec(ctx, tx, "SET statement_timeout = 0"); err != nil {
		return fmt.Errorf("could not disable statement_timeout: %w", err)
	}
	if err := exec(ctx, tx, "SELECT pg_advisory_xact_lock(oid::bigint) FROM pg_database WHERE datname = $1", database); err != nil {
		return fmt.Errorf("could not get advisory lock for database %s: %w", database, err)
	}
	return nil
}

func roleExists(ctx context.Context, q execer, role string) (bool, error) {
	if strings.EqualFold(role, "public") {
		return true, nil
	}
	var ok bool
	err := q.QueryRowContext(ctx, "SELECT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = $1)", role).Scan(&ok)
	return ok, err
}

// qi quotes an identifier.
func qi(s string) string { return pq.QuoteIdentifier(s) }

// ql quotes a literal (PostgreSQL's own rules, E'...' when it holds a backslash).
func ql(s string) string { return pq.QuoteLiteral(s) }

// sqlText escapes a string for the inside of a '...' literal the way the real provider does:
// backslashes doubled, then single quotes doubled. With standard_conforming_strings on (the
// default) a backslash in a password is therefore stored doubled, as with the real provider.
func sqlText(s string) string {
	s = strings.ReplaceAll(s, `\`, `\\`)
	return strings.ReplaceAll(s, `'`, `''`)
}
