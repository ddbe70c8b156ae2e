// Unit tests on CDK Terrain (jest.cdktn.config.js): the app context a user's cdktf.json gives with
// `"targetVersions": { "terraform": ">=1.11", "opentofu": ">=1.11" }`. cdktn refuses write-only
// arguments (the constructs' passwords) unless the declared engines support them (1.11 and later).
const context = process.env.CDKTF_CONTEXT_JSON ? JSON.parse(process.env.CDKTF_CONTEXT_JSON) : {};
process.env.CDKTF_CONTEXT_JSON = JSON.stringify({
  ...context,
  targetVersions: { terraform: ">=1.11", opentofu: ">=1.11" },
});

// The imports really are mapped (jest.cdktn.config.js): fail every file rather than pass on cdktf.
const framework = require("cdktf/package.json").name;
if (framework !== "cdktn") throw new Error(`"cdktf" loaded ${framework}, not cdktn: the mapping is broken`);
