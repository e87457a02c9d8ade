// Test support: the platform synthesized as `cdk synth` would (cdk.json's flags), minus Lambda bundling.
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { App } from 'aws-cdk-lib';
import { type CloudAssembly, VALIDATION_REPORT_FILE } from 'aws-cdk-lib/cx-api';
import { definePlatform, type PlatformStacks } from '../../cdk/platform.js';
import cdkJson from '../../cdk.json' with { type: 'json' };

export interface SynthesizedPlatform {
  readonly app: App;
  readonly stacks: PlatformStacks;
  readonly assembly: CloudAssembly;
  /** The body of the inline script in the test site's index.html. */
  readonly inlineScript: string;
  /** Deletes the temporary site directory. */
  dispose(): void;
}

/** One finding of a validation plugin (cdk-nag or CloudFormation's own rules), as written to the report. */
export interface ValidationFinding {
  plugin: string;
  rule: string;
  severity: string;
  paths: string[];
}

/**
 * Builds and synthesizes the whole app over a small temporary site (the static files of a build: a root page
 * with an inline script, two prerendered language homes, a stylesheet and an icon). Bundling is skipped (the functions'
 * code is not what these tests check), and validation findings are left in the report for the tests to
 * assert rather than thrown from synth.
 */
export function synthesizePlatform(): SynthesizedPlatform {
  const siteDirectory = mkdtempSync(join(tmpdir(), 'halong-site-'));
  const inlineScript = 'document.documentElement.dataset.island = "ready";';
  writeFileSync(
    join(siteDirectory, 'index.html'),
    `<!doctype html><title>t</title><script>${inlineScript}</script>`,
  );
  for (const file of ['vi/index.html', 'en/index.html', '_astro/index.DWvigOtw.css', 'favicon.svg']) {
    mkdirSync(join(siteDirectory, file, '..'), { recursive: true });
    writeFileSync(join(siteDirectory, file), '');
  }

  const app = new App({
    context: {
      ...cdkJson.context,
      // As a deploy passes it (README, "Deploy"): the SES sender of booking confirmations.
      messagesFromAddress: 'Ha Long Tourism <no-reply@tourism.halong.example>',
      'aws:cdk:bundling-stacks': [],
      '@aws-cdk/core:failSynthOnValidationErrors': false,
    },
  });
  const stacks = definePlatform(app, { siteDirectory });
  const assembly = app.synth();
  return {
    app,
    stacks,
    assembly,
    inlineScript,
    dispose: () => rmSync(siteDirectory, { recursive: true, force: true }),
  };
}

/** Every finding in the synthesis' validation report (empty when all rules pass or are acknowledged). */
export function validationFindings(assembly: CloudAssembly): ValidationFinding[] {
  const report = JSON.parse(readFileSync(join(assembly.directory, VALIDATION_REPORT_FILE), 'utf8')) as {
    pluginReports: {
      pluginName: string;
      violations: { ruleName: string; severity: string; violatingConstructs?: { constructPath: string }[] }[];
    }[];
  };
  return report.pluginReports.flatMap((pluginReport) =>
    pluginReport.violations.map((violation) => ({
      plugin: pluginReport.pluginName,
      rule: violation.ruleName,
      severity: violation.severity,
      paths: (violation.violatingConstructs ?? []).map((construct) => construct.constructPath),
    })),
  );
}
