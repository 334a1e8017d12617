import packageJson from '../../../package.json' with { type: 'json' };

export const V8I_VERSION: string = packageJson.version;
