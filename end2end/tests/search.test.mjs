// Searching the catalogue and reading a procedure.

import assert from 'node:assert/strict';
import { eventually, scenario } from '../support/portal.mjs';
import { expectFirstResult, firstResultLink, search, searchBox } from '../support/catalogue.mjs';
import { fillIn, noticeText, press, signInAs } from '../support/accounts.mjs';

const BIRTH_REGISTRATION = 'Đăng ký khai sinh';
const BIRTH_REGISTRATION_PATH = '/thu-tuc/1.001193';

scenario(
  'A citizen searches "dang ky khai sinh" without accents, opens the first result and reads its documents and fees',
  async (portal) => {
    const { page } = portal;

    await portal.open('/');
    assert.equal(await portal.textOf('h1'), 'Tra cứu và nộp hồ sơ thủ tục hành chính');

    const resultsUrl = await search(portal, 'dang ky khai sinh', { submit: 'Enter', typeKeys: true });
    assert.equal(resultsUrl.searchParams.get('q'), 'dang ky khai sinh');
    await expectFirstResult(page, BIRTH_REGISTRATION);

    await portal.navigateBy(
      (url) => url.pathname === BIRTH_REGISTRATION_PATH,
      () => firstResultLink(page).click(),
    );
    await eventually(async () => assert.equal(await portal.textOf('main h1'), BIRTH_REGISTRATION));

    const documents = page.locator('section', {
      has: page.getByRole('heading', { name: 'Thành phần hồ sơ', exact: true }),
    });
    assert.match(
      await documents.locator('table').innerText(),
      /Tờ khai đăng ký khai sinh theo mẫu/,
      'the documents table lists the declaration form',
    );

    const fees = page.locator('section', {
      has: page.getByRole('heading', { name: 'Phí, lệ phí', exact: true }),
    });
    const feesText = (await fees.innerText()).replace(/\s+/g, ' ');
    assert.match(feesText, /Miễn phí/, 'registering on time is free');
    assert.match(feesText, /8\.000 đ/, 'registering late costs 8.000 đ');

    const processingTime = page
      .locator('dt', { hasText: 'Thời hạn giải quyết' })
      .locator('xpath=following-sibling::dd[1]');
    // A same-day procedure: done the day it is received (before 15:00).
    assert.match(await processingTime.innerText(), /Trong ngày làm việc/);

    assert.ok(
      await page.getByRole('link', { name: 'Nộp hồ sơ trực tuyến' }).isVisible(),
      'the "Nộp hồ sơ trực tuyến" link is shown',
    );
  },
);

scenario(
  'A citizen searches with decomposed diacritics and then with accents, and finds "Đăng ký khai sinh" first both times',
  async (portal) => {
    const { page } = portal;
    // What some Vietnamese keyboards send: base letters followed by combining
    // marks (breve U+0306, acute U+0301) instead of precomposed letters.
    const decomposed = 'Đa\u0306ng ky\u0301 khai sinh';
    const accented = 'Đăng ký khai sinh';
    assert.notEqual(decomposed, accented);
    assert.equal(decomposed.normalize('NFC'), accented);

    await portal.open('/');

    await search(portal, decomposed, { submit: 'Enter' });
    await expectFirstResult(page, BIRTH_REGISTRATION);
    assert.equal(
      (await searchBox(page).inputValue()).normalize('NFC'),
      decomposed.normalize('NFC'),
      'the search box still shows what was typed',
    );

    await search(portal, accented, { submit: 'button' });
    await expectFirstResult(page, BIRTH_REGISTRATION);
    assert.equal(await searchBox(page).inputValue(), accented, 'the search box still shows what was typed');
  },
);

scenario(
  'A citizen types a question as people ask it, "lấy vợ cần giấy tờ gì", and finds "Đăng ký kết hôn" first',
  async (portal) => {
    const { page } = portal;
    await portal.open('/');
    const resultsUrl = await search(portal, 'lấy vợ cần giấy tờ gì', { submit: 'Enter' });
    assert.equal(resultsUrl.searchParams.get('q'), 'lấy vợ cần giấy tờ gì');
    await expectFirstResult(page, 'Đăng ký kết hôn');
  },
);

scenario(
  'An administrator teaches the search an everyday phrase, tries it, and a citizen finds the procedure by it',
  async (portal) => {
    const { page } = portal;
    const words = '/quan-tri/tu-ngu-tim-kiem';
    // One phrase per run and mode, so runs do not meet.
    const phrase = `giấy báo tử ${portal.javaScriptEnabled ? 'mới' : 'cũ'} ${Date.now() % 100000}`;
    await signInAs(portal, 'quantri@motcua.example');
    await portal.open(words);
    await fillIn(page, 'Người dân nói', phrase);
    await fillIn(page, 'Nghĩa là (từ ngữ của danh mục)', 'khai tử');
    await press(portal, 'Thêm cách nói', (url) => url.pathname === words);
    assert.match(await noticeText(page), /Đã thêm/);
    await fillIn(page, 'Câu hỏi', `làm ${phrase} ở đâu`);
    await press(portal, 'Xem cổng hiểu thế nào', (url) => url.searchParams.has('thu'));
    assert.match(await portal.textOf('#search-words-reading'), /được hiểu là: khai tu/);

    await portal.open('/');
    await search(portal, `làm ${phrase} ở đâu`, { submit: 'Enter' });
    await expectFirstResult(page, 'Đăng ký khai tử');
  },
);
