import * as path from "path";
import * as publicApi from "../src";
import { describeReadmeApi } from "../../../test/helpers/unit";

describeReadmeApi(path.join(__dirname, ".."), publicApi, [
  "AuroraProxy",
  "ProxyEndpointService",
  "ProxyIamAuth",
]);
