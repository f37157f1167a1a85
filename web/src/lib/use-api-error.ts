import { App } from 'antd';
import type { FormInstance } from 'antd';
import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import { NETWORK_ERROR, isApiError } from './api-client';

/** Turns a field path from the API ("email", "body.email", "/email") into a form field name. */
function toFieldName(path: string): string[] {
  return path
    .replace(/^\/+/, '')
    .replace(/^body[./]/, '')
    .split(/[./]/)
    .filter(Boolean);
}

/** Text to show for any error: the API's own message, or a translated fallback. */
export function useErrorText(): (error: unknown) => string {
  const { t } = useTranslation();
  return useCallback(
    (error: unknown) => {
      if (isApiError(error)) {
        if (error.code === NETWORK_ERROR) return t('errors.network');
        if (error.status >= 500) return error.message || t('errors.server');
        return error.message || t('errors.unknown');
      }
      return t('errors.unknown');
    },
    [t],
  );
}

/**
 * Shows an error the antd way: field errors of a 400 answer go onto the form fields they name,
 * anything else appears as a message.
 */
export function useApiError() {
  const { message } = App.useApp();
  const errorText = useErrorText();

  return useCallback(
    (error: unknown, form?: FormInstance, fields?: readonly string[]) => {
      if (form && isApiError(error) && error.status === 400) {
        const known = new Set(fields ?? []);
        const onFields = error.fieldErrors
          .map((fieldError) => ({ name: toFieldName(fieldError.path), errors: [fieldError.message] }))
          .filter((entry) => entry.name.length > 0 && (known.size === 0 || known.has(entry.name.join('.'))));
        if (onFields.length > 0) {
          form.setFields(onFields);
          return;
        }
      }
      void message.error(errorText(error));
    },
    [message, errorText],
  );
}
