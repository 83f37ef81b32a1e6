import type { TFunction } from 'i18next';
import { apiErrorText, isApiError } from '../account/api';

/** The sentence for a refusal of the versions API (its own codes first, then the common ones). */
export function versionErrorText(error: unknown, t: TFunction): string {
  if (isApiError(error)) {
    const own = t(`versionErrors.${error.code}`, { defaultValue: '' });
    if (own !== '') return own;
  }
  return apiErrorText(error, t);
}
