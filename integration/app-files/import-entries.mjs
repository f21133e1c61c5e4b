// Run by tarballs.test.ts inside the app folder: imports each specifier given on the command line from
// plain Node ESM and prints, as JSON, the names each one exports or the error it threw.
const results = [];
for (const specifier of process.argv.slice(2)) {
  try {
    const namespace = await import(specifier);
    results.push({ specifier, exports: Object.keys(namespace) });
  } catch (error) {
    results.push({ specifier, error: `${error?.code ?? error?.name}: ${error?.message}` });
  }
}
process.stdout.write(JSON.stringify(results));
