import { App } from "cdktf";
import { buildApp, optionsFromEnvironment } from "./stack";

const app = new App();
buildApp(app, optionsFromEnvironment(app));
app.synth();
