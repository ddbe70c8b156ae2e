package pgprov

import (
	"context"
	"database/sql"
	"fmt"
	"strconv"

	"aurora-cdktf/tools/compat-providers/internal/sdkcompat"
	"github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema"
	"github.com/hashicorp/terraform-plugin-framework/types"
)

type grantRoleResource struct{ base }

func newGrantRoleResource() resource.Resource { return &grantRoleResource{} }

type grantRoleModel struct {
	ID              types.String `tfsdk:"id"`
	Role            types.String `tfsdk:"role"`
	GrantRole       types.String `tfsdk:"grant_role"`
	WithAdminOption types.Bool   `tfsdk:"with_admin_option"`
}

func (r *grantRoleResource) Metadata(_ context.Context, req resource.MetadataRequest, resp *resource.MetadataResponse) {
	resp.TypeName = req.ProviderTypeName + "_grant_role"
}

func (r *grantRoleResource) Schema(_ context.Context, _ resource.SchemaRequest, resp *resource.SchemaResponse) {
	resp.Schema = schema.Schema{
		Description: describe("Grants a role to another role."),
		Attributes: map[string]schema.Attribute{
			"id":                idAttribute(),
			"role":              replaceString(true, "The name of the role that is granted a new membership"),
			"grant_role":        replaceString(true, "The name of the role that is granted to role"),
			"with_admin_option": replaceBool("Permit the grant recipient to grant it to others"),
		},
	}
}

var grantRoleRules = map[string]sdkcompat.Attribute{
	"with_admin_option": {Default: false},
}

func grantRoleID(m *grantRoleModel) string {
	return m.Role.ValueString() + "_" + m.GrantRole.ValueString() + "_" + strconv.FormatBool(m.WithAdminOption.ValueBool())
}

func (r *grantRoleResource) Create(ctx context.Context, req resource.CreateRequest, resp *resource.CreateResponse) {
	var plan grantRoleModel
	resp.Diagnostics.Append(req.Plan.Get(ctx, &plan)...)
	if resp.Diagnostics.HasError() {
		return
	}
	stmt := "GRANT " + qi(plan.GrantRole.ValueString()) + " TO " + qi(plan.Role.ValueString())
	if plan.WithAdminOption.ValueBool() {
		stmt += " WITH ADMIN OPTION"
	}
	err := r.client.WithTx(ctx, "", func(tx *sql.Tx) error {
		if err := lockRole(ctx, tx, plan.Role.ValueString()); err != nil {
			return err
		}
		return exec(ctx, tx, stmt)
	})
	if err != nil {
		errDiag(&resp.Diagnostics, fmt.Sprintf("Could not grant role %s to %s", plan.GrantRole.ValueString(), plan.Role.ValueString()), err)
		return
	}
	plan.ID = types.StringValue(grantRoleID(&plan))
	resp.Diagnostics.Append(resp.State.Set(ctx, &plan)...)
}

func (r *grantRoleResource) Read(ctx context.Context, req resource.ReadRequest, resp *resource.ReadResponse) {
	var state grantRoleModel
	resp.Diagnostics.Append(req.State.Get(ctx, &state)...)
	if resp.Diagnostics.HasError() {
		return
	}
	db, err := r.client.DB(ctx, "")
	if err != nil {
		errDiag(&resp.Diagnostics, "Could not read role membership", err)
		return
	}
	var admin bool
	err = db.QueryRowContext(ctx, `SELECT bool_or(am.admin_option) FROM pg_auth_members am
	    JOIN pg_roles g ON g.oid = am.roleid JOIN pg_roles u ON u.oid = am.member
	   WHERE g.rolname = $1 AND u.rolname = $2 HAVING count(*) > 0`, state.GrantRole.ValueString(), state.Role.ValueString()).Scan(&admin)
	if err == sql.ErrNoRows {
		resp.State.RemoveResource(ctx)
		return
	}
	if err != nil {
		errDiag(&resp.Diagnostics, "Could not read role membership", err)
		return
	}
	state.WithAdminOption = types.BoolValue(admin)
	state.ID = types.StringValue(grantRoleID(&state))
	resp.Diagnostics.Append(resp.State.Set(ctx, &state)...)
}

func (r *grantRoleResource) Update(ctx context.Context, req resource.UpdateRequest, resp *resource.UpdateResponse) {
	// Every argument forces replacement; nothing to do in place.
	var plan grantRoleModel
	resp.Diagnostics.Append(req.Plan.Get(ctx, &plan)...)
	plan.ID = types.StringValue(grantRoleID(&plan))
	resp.Diagnostics.Append(resp.State.Set(ctx, &plan)...)
}

func (r *grantRoleResource) Delete(ctx context.Context, req resource.DeleteRequest, resp *resource.DeleteResponse) {
	var state grantRoleModel
	resp.Diagnostics.Append(req.State.Get(ctx, &state)...)
	if resp.Diagnostics.HasError() {
		return
	}
	err := r.client.WithTx(ctx, "", func(tx *sql.Tx) error {
		for _, rr := range []string{state.Role.ValueString(), state.GrantRole.ValueString()} {
			if ok, err := roleExists(ctx, tx, rr); err != nil || !ok {
				return err
			}
		}
		if err := lockRole(ctx, tx, state.Role.ValueString()); err != nil {
			return err
		}
		return exec(ctx, tx, "REVOKE "+qi(state.GrantRole.ValueString())+" FROM "+qi(state.Role.ValueString()))
	})
	if err != nil {
		errDiag(&resp.Diagnostics, fmt.Sprintf("Could not revoke role %s from %s", state.GrantRole.ValueString(), state.Role.ValueString()), err)
	}
}
