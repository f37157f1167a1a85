import 'i18next';
import type en from './en.json';

declare module 'i18next' {
  interface CustomTypeOptions {
    defaultNS: 'translation';
    resources: { translation: typeof en };
    /** Custom formatters (i18n/index.ts) and the values they take. */
    interpolationFormatTypeMap: { duration: number; isoDate: string };
  }
}
