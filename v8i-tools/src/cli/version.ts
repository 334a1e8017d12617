import { version } from '../../../package.json';

export const V8I_VERSION: string = version;
