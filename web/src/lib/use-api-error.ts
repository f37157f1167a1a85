import { App } from 'antd';
import type { FormInstance } from 'antd';
import type { i18n, TFunction } from 'i18next';
import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import { NETWORK_ERROR, isApiError, type ApiFieldError } from './api-client';

/** Turns a field path from the API ("email", "body.email", "/email") into a form field name. */
function toFieldName(path: string): string[] {
  return path
    .replace(/^\/+/, '')
    .replace(/^body[./]/, '')
    .split(/[./]/)
    .filter(Boolean);
}

type Translate = { t: TFunction; i18n: i18n };

/**
 * The translation of `key` with `params`, if this build has one. Codes come from the server at
 * run time, so the key is checked first: an unknown code (a newer server, a proxy's answer) gets
 * the caller's translated fallback, never the server's English.
 */
function translated({ t, i18n }: Translate, key: string, params: Record<string, unknown> | undefined): string | undefined {
  if (typeof i18n.getResource(i18n.resolvedLanguage ?? i18n.language, 'translation', key) !== 'string') return undefined;
  return (t as unknown as (key: string, options?: Record<string, unknown>) => string)(key, params);
}

/** Text for one error: the translation of its code with its params, or a translated fallback. */
function errorMessage(tr: Translate, error: unknown): string {
  const { t } = tr;
  if (!isApiError(error)) return t('errors.unknown');
  if (error.code === NETWORK_ERROR) return t('errors.network');
  return translated(tr, `errors.codes.${error.code}`, error.params) ?? (error.status >= 500 ? t('errors.server') : t('errors.unknown'));
}

/** Text for one field error of an answer: its issue translated, or a translated "not valid". */
function fieldErrorMessage(tr: Translate, fieldError: ApiFieldError): string {
  return (fieldError.issue ? translated(tr, `errors.fields.${fieldError.issue}`, fieldError.params) : undefined) ?? tr.t('errors.fields.invalid');
}

/** Text to show for any error, in the current language. */
export function useErrorText(): (error: unknown) => string {
  const { t, i18n } = useTranslation();
  return useCallback((error: unknown) => errorMessage({ t, i18n }, error), [t, i18n]);
}

/** Field errors of an answer as antd form fields: path → field name, issue → translated text. */
export function useFieldErrors(): (error: unknown) => { name: string[]; errors: string[] }[] {
  const { t, i18n } = useTranslation();
  return useCallback(
    (error: unknown) =>
      isApiError(error)
        ? error.fieldErrors.map((fieldError) => ({ name: toFieldName(fieldError.path), errors: [fieldErrorMessage({ t, i18n }, fieldError)] }))
        : [],
    [t, i18n],
  );
}

/**
 * Shows an error the antd way: field errors of a 400 answer go onto the form fields they name,
 * anything else appears as a message.
 */
export function useApiError() {
  const { message } = App.useApp();
  const errorText = useErrorText();
  const fieldErrors = useFieldErrors();

  return useCallback(
    (error: unknown, form?: FormInstance, fields?: readonly string[]) => {
      if (form && isApiError(error) && error.status === 400) {
        const known = new Set(fields ?? []);
        const onFields = fieldErrors(error).filter((entry) => entry.name.length > 0 && (known.size === 0 || known.has(entry.name.join('.'))));
        if (onFields.length > 0) {
          form.setFields(onFields);
          return;
        }
      }
      void message.error(errorText(error));
    },
    [message, errorText, fieldErrors],
  );
}
