// The runner's address, provided by src/integrations/python-runner.ts.
declare module "virtual:python-runner" {
  /** The UI module of the in-browser Python runner (an absolute address under the site's base). */
  export const uiModuleUrl: string;
}
