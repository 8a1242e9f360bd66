// Lints BPMN models with @camunda/linting, the linter Camunda Modeler runs, and checks that DMN
// models parse. Bundled with esbuild (see package.json) because @camunda/linting ships
// extension-less ESM imports meant for bundlers.
//
// usage: node build/camunda-lint.bundle.mjs <file-or-directory>...
// exit code: 0 = no errors, 1 = lint errors, 2 = usage or I/O problem
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';

import { Linter } from '@camunda/linting';
import { DmnModdle } from 'dmn-moddle';

const REQUIRED_PLATFORM = 'Camunda Platform';
const REQUIRED_VERSION = /^7\.24(\.\d+)?$/;

function collectModels(paths) {
  const files = [];
  const visit = (path) => {
    if (statSync(path).isDirectory()) {
      readdirSync(path).sort().forEach((name) => visit(join(path, name)));
    } else if (/\.(bpmn|dmn)$/i.test(path)) {
      files.push(path);
    }
  };
  paths.forEach(visit);
  return files;
}

function platformProblems(xml) {
  const platform = /modeler:executionPlatform="([^"]*)"/.exec(xml)?.[1];
  const version = /modeler:executionPlatformVersion="([^"]*)"/.exec(xml)?.[1];
  if (platform === REQUIRED_PLATFORM && version && REQUIRED_VERSION.test(version)) {
    return [];
  }
  return [ {
    id: 'definitions',
    category: 'error',
    rule: 'execution-platform',
    message: `must declare modeler:executionPlatform="${REQUIRED_PLATFORM}" and ` +
      `modeler:executionPlatformVersion="7.24.x" (found "${platform ?? ''}" / "${version ?? ''}")`
  } ];
}

async function lintBpmn(linter, xml) {
  const problems = platformProblems(xml);
  if (problems.length) {
    return problems;
  }
  const reports = await linter.lint(xml);
  return reports.map((report) => ({
    id: report.id,
    category: report.category,
    rule: report.rule,
    message: report.message
  }));
}

async function parseDmn(moddle, xml) {
  const { warnings } = await moddle.fromXML(xml, 'dmn:Definitions');
  return warnings.map((warning) => ({
    id: warning.element?.id ?? 'definitions',
    category: 'error',
    rule: 'dmn-parse',
    message: warning.message
  }));
}

async function main(args) {
  if (!args.length) {
    console.error('usage: camunda-lint <file-or-directory>...');
    return 2;
  }
  const files = collectModels(args);
  const linter = new Linter({ type: 'platform', modeler: 'desktop' });
  const dmnModdle = new DmnModdle();
  let errors = 0;
  let warnings = 0;

  for (const file of files) {
    const xml = readFileSync(file, 'utf8');
    let problems;
    try {
      problems = file.toLowerCase().endsWith('.dmn')
        ? await parseDmn(dmnModdle, xml)
        : await lintBpmn(linter, xml);
    } catch (error) {
      problems = [ { id: 'definitions', category: 'error', rule: 'parse', message: error.message } ];
    }
    const name = relative(process.cwd(), file);
    for (const problem of problems) {
      const isError = problem.category === 'error' || problem.category === 'rule-error';
      errors += isError ? 1 : 0;
      warnings += isError ? 0 : 1;
      const message = String(problem.message).replace(/\s+/g, ' ').trim();
      console.log(`${name}: ${problem.id}: ${problem.category} ${problem.rule}: ${message}`);
    }
  }

  const dmnCount = files.filter((file) => file.toLowerCase().endsWith('.dmn')).length;
  console.log(`@camunda/linting (Camunda Platform 7.24): ${files.length - dmnCount} BPMN linted, ` +
    `${dmnCount} DMN parsed; ${errors} error(s), ${warnings} warning(s)`);
  return errors > 0 ? 1 : 0;
}

main(process.argv.slice(2)).then(
  (code) => { process.exitCode = code; },
  (error) => { console.error(error); process.exitCode = 2; }
);
