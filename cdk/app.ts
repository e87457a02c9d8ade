// Entry point of `cdk synth` and `cdk deploy` (see cdk.json): the platform, publishing the site built in web/dist
// (its static files from web/dist/client; its pages rendered per request are bundled into the site function).
import { fileURLToPath } from 'node:url';
import { App } from 'aws-cdk-lib';
import { definePlatform } from './platform.js';

const app = new App();
definePlatform(app, { siteDirectory: fileURLToPath(new URL('../web/dist/client/', import.meta.url)) });
app.synth();
