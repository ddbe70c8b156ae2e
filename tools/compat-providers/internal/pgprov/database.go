package pgprov

import (
	"context"
	"database/sql"
	"fmt"
	"strings"

	"aurora-cdktf/tools/compat-providers/internal/sdkcompat"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/boolplanmodifier"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/planmodifier"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/stringplanmodifier"
	"github.com/hashicorp/terraform-plugin-framework/types"
)

type databaseResource struct{ base }

func newDatabaseResource() resource.Resource { return &databaseResource{} }

type databaseModel struct {
	ID                   types.String `tfsdk:"id"`
	Name                 types.String `tfsdk:"name"`
	Owner                types.String `tfsdk:"owner"`
	Template             types.String `tfsdk:"template"`
	Encoding             types.String `tfsdk:"encoding"`
	LCCollate            types.String `tfsdk:"lc_collate"`
	LCCtype              types.String `tfsdk:"lc_ctype"`
	TablespaceName       types.String `tfsdk:"tablespace_name"`
	ConnectionLimit      types.Int64  `tfsdk:"connection_limit"`
	AllowConnections     types.Bool   `tfsdk:"allow_connections"`
	IsTemplate           types.Bool   `tfsdk:"is_template"`
	AlterObjectOwnership types.Bool   `tfsdk:"alter_object_ownership"`
}

var databaseRules = map[string]sdkcompat.Attribute{
	"connection_limit":       {Default: -1},
	"allow_connections":      {Default: true},
	"alter_object_ownership": {Default: false},
}

func (r *databaseResource) Metadata(_ context.Context, req resource.MetadataRequest, resp *resource.MetadataResponse) {
	resp.TypeName = req.ProviderTypeName + "_database"
}

func (r *databaseResource) Schema(_ context.Context, _ resource.SchemaRequest, resp *resource.SchemaResponse) {
	computed := func(replace bool, desc string) schema.StringAttribute {
		mods := []planmodifier.String{stringplanmodifier.UseStateForUnknown()}
		if replace {
			mods = append(mods, stringplanmodifier.RequiresReplace())
		}
		return schema.StringAttribute{Optional: true, Computed: true, Description: desc, PlanModifiers: mods}
	}
	resp.Schema = schema.Schema{
		Description: describe("Creates and manages a database on a PostgreSQL server."),
		Attributes: map[string]schema.Attribute{
			"id":                idAttribute("name"),
			"name":              schema.StringAttribute{Required: true, Description: "The PostgreSQL database name to connect to"},
			"owner":             computed(false, "The ROLE which owns the database"),
			"template":          computed(true, "The name of the template from which to create the new database"),
			"encoding":          computed(true, "Character set encoding to use in the new database"),
			"lc_collate":        computed(true, "Collation order (LC_COLLATE) to use in the new database"),
			"lc_ctype":          computed(true, "Character classification (LC_CTYPE) to use in the new database"),
			"tablespace_name":   computed(false, "The name of the tablespace that will be associated with the new database"),
			"connection_limit":  optInt("How many concurrent connections can be made to this database"),
			"allow_connections": optBool("If false then no one can connect to this database"),
			"is_template": schema.BoolAttribute{Optional: true, Computed: true,
				Description:   "If true, then this database can be cloned by any user with CREATEDB privileges",
				PlanModifiers: []planmodifier.Bool{boolplanmodifier.UseStateForUnknown()}},
			"alter_object_ownership": optBool("If true, the owner of already existing objects will change if the owner changes"),
		},
	}
}

func normEncoding(s string) string {
	return strings.ReplaceAll(strings.ReplaceAll(strings.ToUpper(s), "-", ""), "_", "")
}

func keepIfSame(prior types.String, actual string, same func(a, b string) bool) types.String {
	if !prior.IsNull() && !prior.IsUnknown() && same(prior.ValueString(), actual) {
		return prior
	}
	return types.StringValue(actual)
}

func (r *databaseResource) read(ctx context.Context, m *databaseModel) (bool, error) {
	db, err := r.client.DB(ctx, "")
	if err != nil {
		return false, err
	}
	var owner, enc, collate, ctype, spc string
	var connLimit int64
	var allow, isTemplate bool
	err = db.QueryRowContext(ctx, `SELECT pg_get_userbyid(d.datdba), pg_encoding_to_char(d.encoding), d.datcollate, d.datctype,
	        d.datconnlimit, d.datallowconn, d.datistemplate, t.spcname
	   FROM pg_database d JOIN pg_tablespace t ON t.oid = d.dattablespace WHERE d.datname = $1`, m.Name.ValueString()).
		Scan(&owner, &enc, &collate, &ctype, &connLimit, &allow, &isTemplate, &spc)
	if err == sql.ErrNoRows {
		return false, nil
	}
	if err != nil {
		return false, err
	}
	m.ID = types.StringValue(m.Name.ValueString())
	m.Owner = types.StringValue(owner)
	m.Encoding = keepIfSame(m.Encoding, enc, func(a, b string) bool { return normEncoding(a) == normEncoding(b) })
	sameLocale := func(a, b string) bool { return normEncoding(a) == normEncoding(b) || (a == "DEFAULT" || a == "") }
	m.LCCollate = keepIfSame(m.LCCollate, collate, sameLocale)
	m.LCCtype = keepIfSame(m.LCCtype, ctype, sameLocale)
	m.TablespaceName = types.StringValue(spc)
	m.ConnectionLimit = types.Int64Value(connLimit)
	m.AllowConnections = types.BoolValue(allow)
	m.IsTemplate = types.BoolValue(isTemplate)
	if m.Template.IsNull() || m.Template.IsUnknown() {
		m.Template = types.StringValue("template1")
	}
	return true, nil
}

func known(v types.String) (string, bool) {
	if v.IsNull() || v.IsUnknown() || v.ValueString() == "" || strings.EqualFold(v.ValueString(), "DEFAULT") {
		return "", false
	}
	return v.ValueString(), true
}

// onConn runs fn on one dedicated connection of the provider's database (CREATE/DROP DATABASE
// cannot run inside a transaction).
func (r *databaseResource) onConn(ctx context.Context, fn func(conn *sql.Conn) error) error {
	db, err := r.client.DB(ctx, "")
	if err != nil {
		return err
	}
	conn, err := db.Conn(ctx)
	if err != nil {
		return err
	}
	defer conn.Close()
	return fn(conn)
}

func (r *databaseResource) Create(ctx context.Context, req resource.CreateRequest, resp *resource.CreateResponse) {
	var plan databaseModel
	resp.Diagnostics.Append(req.Plan.Get(ctx, &plan)...)
	if resp.Diagnostics.HasError() {
		return
	}
	name := plan.Name.ValueString()
	stmt := "CREATE DATABASE " + qi(name)
	owner, hasOwner := known(plan.Owner)
	if v, ok := known(plan.Template); ok {
		stmt += " TEMPLATE " + qi(v)
	}
	if v, ok := known(plan.Encoding); ok {
		stmt += " ENCODING " + ql(v)
	}
	if v, ok := known(plan.LCCollate); ok {
		stmt += " LC_COLLATE " + ql(v)
	}
	if v, ok := known(plan.LCCtype); ok {
		stmt += " LC_CTYPE " + ql(v)
	}
	if v, ok := known(plan.TablespaceName); ok {
		stmt += " TABLESPACE " + qi(v)
	}
	stmt += fmt.Sprintf(" ALLOW_CONNECTIONS %t CONNECTION LIMIT %d IS_TEMPLATE %t",
		plan.AllowConnections.ValueBool(), plan.ConnectionLimit.ValueInt64(), plan.IsTemplate.ValueBool())
	// CREATE DATABASE cannot run in a transaction. Without superuser it is created owned by the
	// connected user and handed to its owner in a transaction that holds the temporary membership.
	transfer := hasOwner && !r.client.cfg.Superuser
	if hasOwner && !transfer {
		stmt += " OWNER " + qi(owner)
	}
	err := r.onConn(ctx, func(conn *sql.Conn) error { return exec(ctx, conn, stmt) })
	if err == nil && transfer {
		err = r.client.WithTx(ctx, "", func(tx *sql.Tx) error {
			return r.client.withRolesGranted(ctx, tx, []string{owner}, func() error {
				return exec(ctx, tx, "ALTER DATABASE "+qi(name)+" OWNER TO "+qi(owner))
			})
		})
		if err != nil {
			// The database exists: keep it in the state (tainted) so that it is not orphaned.
			if found, rerr := r.read(ctx, &plan); rerr == nil && found {
				resp.Diagnostics.Append(resp.State.Set(ctx, &plan)...)
			}
		}
	}
	if err != nil {
		errDiag(&resp.Diagnostics, fmt.Sprintf("Could not create database %s", name), err)
		return
	}
	if found, err := r.read(ctx, &plan); err != nil || !found {
		if err == nil {
			err = fmt.Errorf("database %q not found after creation", name)
		}
		errDiag(&resp.Diagnostics, "Could not read database after creation", err)
		return
	}
	resp.Diagnostics.Append(resp.State.Set(ctx, &plan)...)
}

func (r *databaseResource) Read(ctx context.Context, req resource.ReadRequest, resp *resource.ReadResponse) {
	var state databaseModel
	resp.Diagnostics.Append(req.State.Get(ctx, &state)...)
	if resp.Diagnostics.HasError() {
		return
	}
	found, err := r.read(ctx, &state)
	if err != nil {
		errDiag(&resp.Diagnostics, "Could not read database", err)
		return
	}
	if !found {
		resp.State.RemoveResource(ctx)
		return
	}
	resp.Diagnostics.Append(resp.State.Set(ctx, &state)...)
}

func (r *databaseResource) Update(ctx context.Context, req resource.UpdateRequest, resp *resource.UpdateResponse) {
	var plan, state databaseModel
	resp.Diagnostics.Append(req.Plan.Get(ctx, &plan)...)
	resp.Diagnostics.Append(req.State.Get(ctx, &state)...)
	if resp.Diagnostics.HasError() {
		return
	}
	oldName, name := state.Name.ValueString(), plan.Name.ValueString()
	oldOwner := state.Owner.ValueString()
	newOwner, ownerSet := known(plan.Owner)
	if !ownerSet {
		newOwner = oldOwner
	}
	err := r.client.WithTx(ctx, "", func(tx *sql.Tx) error {
		return r.client.withRolesGranted(ctx, tx, []string{oldOwner, newOwner}, func() error {
			if oldName != name {
				r.client.Forget(oldName)
				if err := exec(ctx, tx, "ALTER DATABASE "+qi(oldName)+" RENAME TO "+qi(name)); err != nil {
					return err
				}
			}
			if newOwner != oldOwner {
				if err := exec(ctx, tx, "ALTER DATABASE "+qi(name)+" OWNER TO "+qi(newOwner)); err != nil {
					return err
				}
			}
			if plan.ConnectionLimit.ValueInt64() != state.ConnectionLimit.ValueInt64() ||
				plan.AllowConnections.ValueBool() != state.AllowConnections.ValueBool() ||
				plan.IsTemplate.ValueBool() != state.IsTemplate.ValueBool() {
				return exec(ctx, tx, fmt.Sprintf("ALTER DATABASE %s WITH ALLOW_CONNECTIONS %t CONNECTION LIMIT %d IS_TEMPLATE %t", qi(name),
					plan.AllowConnections.ValueBool(), plan.ConnectionLimit.ValueInt64(), plan.IsTemplate.ValueBool()))
			}
			return nil
		})
	})
	// SET TABLESPACE cannot run in a transaction (it needs the connected user to own the database).
	if ts, ok := known(plan.TablespaceName); err == nil && ok && ts != state.TablespaceName.ValueString() {
		r.client.Forget(name)
		err = r.onConn(ctx, func(conn *sql.Conn) error {
			return exec(ctx, conn, "ALTER DATABASE "+qi(name)+" SET TABLESPACE "+qi(ts))
		})
	}
	if err == nil && newOwner != oldOwner && plan.AlterObjectOwnership.ValueBool() {
		err = r.client.WithTx(ctx, name, func(tx *sql.Tx) error {
			return r.client.withRolesGranted(ctx, tx, []string{oldOwner, newOwner}, func() error {
				return exec(ctx, tx, "REASSIGN OWNED BY "+qi(oldOwner)+" TO "+qi(newOwner))
			})
		})
	}
	if err != nil {
		errDiag(&resp.Diagnostics, fmt.Sprintf("Could not update database %s", name), err)
		return
	}
	if found, err := r.read(ctx, &plan); err != nil || !found {
		if err == nil {
			err = fmt.Errorf("database %q not found after update", name)
		}
		errDiag(&resp.Diagnostics, "Could not read database after update", err)
		return
	}
	resp.Diagnostics.Append(resp.State.Set(ctx, &plan)...)
}

func (r *databaseResource) Delete(ctx context.Context, req resource.DeleteRequest, resp *resource.DeleteResponse) {
	var state databaseModel
	resp.Diagnostics.Append(req.State.Get(ctx, &state)...)
	if resp.Diagnostics.HasError() {
		return
	}
	name := state.Name.ValueString()
	r.client.Forget(name)
	// DROP DATABASE cannot run in a transaction. Without superuser the connected user first takes
	// over the database in a transaction that holds the temporary membership in its owner.
	var isTemplate bool
	var exists bool
	err := r.client.WithTx(ctx, "", func(tx *sql.Tx) error {
		var owner string
		err := tx.QueryRowContext(ctx, "SELECT pg_get_userbyid(datdba), datistemplate FROM pg_database WHERE datname = $1", name).Scan(&owner, &isTemplate)
		if err == sql.ErrNoRows {
			return nil
		}
		if err != nil {
			return err
		}
		exists = true
		if r.client.cfg.Superuser {
			return nil
		}
		var mine bool
		if err := tx.QueryRowContext(ctx, "SELECT pg_has_role(current_user, $1::name, 'USAGE')", owner).Scan(&mine); err != nil || mine {
			return err
		}
		return r.client.withRolesGranted(ctx, tx, []string{owner}, func() error {
			return exec(ctx, tx, "ALTER DATABASE "+qi(name)+" OWNER TO CURRENT_USER")
		})
	})
	if err == nil && exists {
		err = r.onConn(ctx, func(conn *sql.Conn) error {
			if isTemplate {
				if err := exec(ctx, conn, "ALTER DATABASE "+qi(name)+" IS_TEMPLATE false"); err != nil {
					return err
				}
			}
			if err := exec(ctx, conn, "ALTER DATABASE "+qi(name)+" ALLOW_CONNECTIONS false"); err != nil {
				return err
			}
			return exec(ctx, conn, "DROP DATABASE "+qi(name)+" WITH (FORCE)")
		})
	}
	if err != nil {
		errDiag(&resp.Diagnostics, fmt.Sprintf("Could not drop database %s", name), err)
	}
}

func (r *databaseResource) ImportState(ctx context.Context, req resource.ImportStateRequest, resp *resource.ImportStateResponse) {
	resp.Diagnostics.Append(resp.State.SetAttribute(ctx, path.Root("id"), req.ID)...)
	resp.Diagnostics.Append(resp.State.SetAttribute(ctx, path.Root("name"), req.ID)...)
	resp.Diagnostics.Append(resp.State.SetAttribute(ctx, path.Root("alter_object_ownership"), false)...)
}
