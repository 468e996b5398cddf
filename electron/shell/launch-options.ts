export interface LaunchOptions {
  workspace?: string;
}

/** The command-line options the app takes (as `orchest-desktop serve` does): `--workspace DIR`. */
export function launchOptions(argv: readonly string[]): LaunchOptions {
  const options: LaunchOptions = {};
  argv.forEach((arg, index) => {
    if (arg.startsWith('--workspace=')) options.workspace = arg.slice('--workspace='.length);
    else if (arg === '--workspace' && argv[index + 1] !== undefined) options.workspace = argv[index + 1];
  });
  if (options.workspace === '') delete options.workspace;
  return options;
}
