// Runs before the README's commands (npm `pre` scripts) on whatever `node` npm put first on PATH. `npm ci` installs
// Node 24 from the npm registry (devDependency `node`), and npm runs scripts with node_modules/.bin first on PATH, so
// this normally is Node 24 even on a machine whose own Node is older. When it is not (an `npm ci --ignore-scripts`, a
// platform the registry has no Node build for, or a script run outside npm), stop at once with one clear line instead
// of Node's ERR_UNKNOWN_FILE_EXTENSION or a crash halfway through a test run. Plain CommonJS: it must parse on old Node.
'use strict';
const major = Number(process.versions.node.split('.')[0]);
if (major < 24) {
  process.stderr.write(
    `Marquee needs Node.js 24 or newer, but this runs on Node ${process.version} (${process.execPath}): ` +
      'run `npm ci` (it installs Node 24 into node_modules), or install Node 24 and put it first on PATH.\n',
  );
  process.exit(1);
}
