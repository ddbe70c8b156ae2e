import { App } from "cdktf";
import { runApp } from "@aurora-cdktf/core";
import { buildApp, optionsFromEnvironment } from "./stack";

// runApp: an input error is printed as its message alone (construct path, value, fix), not a stack trace.
runApp(() => {
  const app = new App();
  buildApp(app, optionsFromEnvironment(app));
  app.synth();
});
