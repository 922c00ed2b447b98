import i18next from 'i18next';
import { beforeAll, describe, expect, it } from 'vitest';
import { en } from '../i18n/en.ts';
import { zhCN } from '../i18n/zh-CN.ts';
import { describeError } from './rejection.ts';

const i18n = i18next.createInstance();

beforeAll(async () => {
  await i18n.init({
    resources: { en: { translation: en }, 'zh-CN': { translation: zhCN } },
    lng: 'en',
    fallbackLng: false,
    interpolation: { escapeValue: false },
  });
});

describe('rejection messages', () => {
  it('reads a code with dots as one key', () => {
    expect(describeError({ status: 409, code: 'offer.not_open' }, i18n.t, 'en')).toBe(
      'This offer has already been answered.',
    );
  });

  it('adds the refundable maximum from the problem’s facts, in the reader’s format', async () => {
    const error = {
      status: 422,
      code: 'money.exceeds_refundable',
      facts: { refundableMinor: '2000', currency: 'USD', field: 'amount' },
    };
    expect(describeError(error, i18n.t, 'en')).toBe(
      'The amount is more than can still be refunded on this order. At most $20.00 can be refunded on this order',
    );
    await i18n.changeLanguage('zh-CN');
    expect(describeError(error, i18n.t, 'zh-CN')).toBe(
      '金额超过此订单仍可退款的金额。 此订单最多可退 US$20.00',
    );
    await i18n.changeLanguage('en');
  });

  it('never shows an unknown code: it says the request was refused and nothing changed', () => {
    const text = describeError({ status: 409, code: 'brand_new.code' }, i18n.t, 'en');
    expect(text).toBe('The request was refused (409). Nothing was changed.');
    expect(text).not.toContain('brand_new');
  });

  it('tells a network failure apart, and that nothing typed was lost', () => {
    expect(describeError({ status: 0, code: 'network' }, i18n.t, 'en')).toContain(
      'Nothing you typed was lost',
    );
    expect(describeError(new TypeError('Failed to fetch'), i18n.t, 'en')).toContain(
      'could not be reached',
    );
  });
});
