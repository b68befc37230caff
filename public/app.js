/* The local chat page: picks a language, connects Web Chat to the bot, and keeps the page and the bot in step. */
(function () {
  'use strict';

  var WEBCHAT_LOCALES = { en: 'en-US', ja: 'ja-JP', zh: 'zh-CN', vi: 'vi-VN', id: 'id-ID', th: 'th-TH', hi: 'hi-IN', ta: 'ta-IN', es: 'es-ES' };
  var STORAGE_KEY = 'titp-guide-locale';
  var state = { config: null, locale: 'en', strings: null, directLine: null, userId: null };

  function $(id) {
    return document.getElementById(id);
  }

  function showStatus(text) {
    var status = $('status');
    status.textContent = text;
    status.hidden = !text;
  }

  function getJson(url, options) {
    return fetch(url, options).then(function (response) {
      if (!response.ok) throw new Error(url + ' answered ' + response.status);
      return response.json();
    });
  }

  function initialLocale(config) {
    var codes = config.locales.map(function (l) { return l.code; });
    var saved = null;
    try { saved = window.localStorage.getItem(STORAGE_KEY); } catch (e) { saved = null; }
    var query = new URLSearchParams(window.location.search).get('locale');
    var browser = (navigator.language || '').toLowerCase().split('-')[0];
    if (browser === 'tl') browser = 'fil';
    return [query, saved, browser, config.defaultLocale].filter(function (c) { return c && codes.indexOf(c) >= 0; })[0] || 'en';
  }

  function applyPageLanguage(strings) {
    document.documentElement.lang = strings.locale;
    document.documentElement.dir = strings.rtl ? 'rtl' : 'ltr';
    document.title = strings.title;
    $('title').textContent = strings.title;
    $('language-label').textContent = strings.languageLabel;
    $('webchat').setAttribute('aria-label', strings.webchat.TRANSCRIPT_ARIA_LABEL_ALT);
  }

  function render() {
    var strings = state.strings;
    window.WebChat.renderWebChat(
      {
        directLine: state.directLine,
        userID: state.userId,
        locale: WEBCHAT_LOCALES[state.locale] || state.locale,
        overrideLocalizedStrings: strings.webchat,
        dir: strings.rtl ? 'rtl' : 'ltr',
        styleOptions: {
          hideUploadButton: true,
          suggestedActionLayout: 'stacked',
          bubbleMaxWidth: 640,
          sendBoxHeight: 48,
          primaryFont: "system-ui, -apple-system, 'Segoe UI', 'Noto Sans', 'Noto Nastaliq Urdu', sans-serif",
        },
      },
      $('webchat'),
    );
  }

  function loadStrings(locale) {
    return getJson('/api/webchat/strings/' + encodeURIComponent(locale)).then(function (strings) {
      state.strings = strings;
      applyPageLanguage(strings);
    });
  }

  function connect(config) {
    if (config.mode === 'local') {
      return getJson('/api/webchat/session', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ locale: state.locale }),
      }).then(function (session) {
        state.userId = session.userId;
        state.directLine = window.WebChat.createDirectLine({
          token: session.token,
          domain: window.location.origin + config.directLine,
          webSocket: false,
          pollingInterval: 400,
        });
      });
    }
    if (config.mode === 'directline') {
      return getJson('/api/directline/token', { method: 'POST' }).then(function (session) {
        state.userId = session.userId;
        state.directLine = window.WebChat.createDirectLine({ token: session.token });
      });
    }
    return Promise.reject(new Error('No chat connection is configured on this server.'));
  }

  function fillPicker(config) {
    var select = $('language');
    config.locales.forEach(function (l) {
      var option = document.createElement('option');
      option.value = l.code;
      option.lang = l.code;
      option.dir = l.rtl ? 'rtl' : 'ltr';
      option.textContent = l.name;
      select.appendChild(option);
    });
    select.value = state.locale;
    select.addEventListener('change', function () {
      var next = select.value;
      state.locale = next;
      try { window.localStorage.setItem(STORAGE_KEY, next); } catch (e) { /* private mode */ }
      loadStrings(next).then(function () {
        render();
        state.directLine
          .postActivity({ type: 'event', name: 'setLocale', value: next, locale: next, from: { id: state.userId, role: 'user' } })
          .subscribe({ error: function () { showStatus(state.strings.webchat.CONNECTIVITY_STATUS_ALT_FATAL); } });
      });
    });
  }

  getJson('/api/webchat/config')
    .then(function (config) {
      state.config = config;
      state.locale = initialLocale(config);
      fillPicker(config);
      return loadStrings(state.locale).then(function () { return connect(config); });
    })
    .then(render)
    .catch(function (error) {
      showStatus(error.message);
    });
})();
