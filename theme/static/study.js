/*
 * Study mode: practice with spaced repetition, progress kept in this browser only (localStorage, never sent
 * anywhere), export and import of that progress, dark mode toggle, random question. Every feature is an
 * enhancement: without JavaScript the pages read as before.
 */
(function () {
  'use strict';

  var html = document.documentElement;
  var root = html.getAttribute('data-root') || '';
  var KEY = 'handbook.progress.v1';
  var DAY = 86400000;

  /* ---- progress ---- */

  function empty() { return { version: 1, cards: {} }; }

  function load() {
    try {
      var data = JSON.parse(window.localStorage.getItem(KEY));
      if (data && data.version === 1 && data.cards && typeof data.cards === 'object') { return data; }
    } catch (e) { /* damaged or unavailable: start afresh */ }
    return empty();
  }

  function save(data) {
    try { window.localStorage.setItem(KEY, JSON.stringify(data)); } catch (e) { /* full or unavailable */ }
  }

  function today() { return Math.floor(Date.now() / DAY); }

  function statusOf(state) { return state ? (state.status || 'review') : 'new'; }

  /*
   * SM-2: grades 0 (again), 3 (hard), 4 (good), 5 (easy). A lapse starts the card over; otherwise the interval
   * grows 1, 6, then by the ease factor, which the grade nudges up or down (never below 1.3).
   */
  function schedule(state, quality) {
    var s = state ? { ef: state.ef, reps: state.reps, interval: state.interval } : { ef: 2.5, reps: 0, interval: 0 };
    if (quality < 3) {
      s.reps = 0;
      s.interval = 0;
    } else {
      s.interval = s.reps === 0 ? 1 : s.reps === 1 ? 6 : Math.round(s.interval * s.ef);
      s.reps += 1;
    }
    s.ef = Math.max(1.3, s.ef + (0.1 - (5 - quality) * (0.08 + (5 - quality) * 0.02)));
    s.due = today() + s.interval;
    s.last = today();
    s.status = quality >= 4 && s.reps >= 2 ? 'known' : 'review';
    return s;
  }

  function setStatus(slug, status) {
    var data = load();
    var state = data.cards[slug] || { ef: 2.5, reps: 0, interval: 0, due: today() };
    state.status = status;
    if (status === 'review') { state.due = today(); }
    data.cards[slug] = state;
    save(data);
  }

  /* ---- data ---- */

  var loading = {};
  function loadScript(name) {
    if (!loading[name]) {
      loading[name] = new Promise(function (resolve) {
        var script = document.createElement('script');
        script.src = root + 'practice/' + name + '.js';
        script.onload = function () { resolve(true); };
        script.onerror = function () { resolve(false); };
        document.head.appendChild(script);
      });
    }
    return loading[name];
  }

  function cards() {
    return loadScript('cards').then(function () { return window.handbookCards || []; });
  }

  function answer(card) {
    return loadScript('answers-' + card.k).then(function () {
      var all = window.handbookAnswers || {};
      return all[card.s] || '';
    });
  }

  /* ---- theme ---- */

  function effectiveTheme() {
    var chosen = html.getAttribute('data-theme');
    if (chosen) { return chosen; }
    return window.matchMedia && window.matchMedia('(prefers-color-scheme: dark)').matches ? 'dark' : 'light';
  }

  function setupTheme() {
    var button = document.getElementById('theme-toggle');
    if (!button) { return; }
    button.hidden = false;
    function label() {
      var dark = effectiveTheme() === 'dark';
      button.textContent = dark ? 'Light mode' : 'Dark mode';
      button.setAttribute('aria-pressed', dark ? 'true' : 'false');
    }
    label();
    button.addEventListener('click', function () {
      var next = effectiveTheme() === 'dark' ? 'light' : 'dark';
      html.setAttribute('data-theme', next);
      try { window.localStorage.setItem('handbook.theme', next); } catch (e) { /* not remembered */ }
      label();
    });
  }

  /* ---- random question, progress bars, topic status ---- */

  function setupRandom() {
    var link = document.getElementById('random-question');
    if (!link) { return; }
    link.addEventListener('click', function (event) {
      event.preventDefault();
      cards().then(function (all) {
        if (all.length) { window.location.href = root + all[Math.floor(Math.random() * all.length)].p; }
      });
    });
  }

  function setupProgressBars() {
    var bars = document.querySelectorAll('.progress[data-category]');
    if (!bars.length) { return; }
    cards().then(function (all) {
      var data = load();
      Array.prototype.forEach.call(bars, function (bar) {
        var category = bar.getAttribute('data-category');
        var inCategory = all.filter(function (c) { return c.c === category; });
        var known = inCategory.filter(function (c) { return statusOf(data.cards[c.s]) === 'known'; }).length;
        var seen = inCategory.filter(function (c) { return !!data.cards[c.s]; }).length;
        var fill = document.createElement('span');
        fill.style.width = (inCategory.length ? Math.round(100 * known / inCategory.length) : 0) + '%';
        bar.textContent = '';
        bar.appendChild(fill);
        bar.setAttribute('role', 'progressbar');
        bar.setAttribute('aria-valuemin', '0');
        bar.setAttribute('aria-valuemax', String(inCategory.length));
        bar.setAttribute('aria-valuenow', String(known));
        bar.setAttribute('aria-label', category + ': ' + known + ' of ' + inCategory.length + ' known');
        bar.hidden = false;
        var label = bar.nextElementSibling;
        if (label && label.classList.contains('progress-label')) {
          label.textContent = known + ' of ' + inCategory.length + ' known · ' + seen + ' practised';
          label.hidden = false;
        }
      });
    });
  }

  function setupTopicStatus() {
    var box = document.querySelector('.study-status[data-slug]');
    if (!box) { return; }
    var slug = box.getAttribute('data-slug');
    var text = document.createElement('span');
    var known = document.createElement('button');
    var review = document.createElement('button');
    known.type = review.type = 'button';
    known.textContent = 'Mark as known';
    review.textContent = 'Mark to review';
    function render() {
      var status = statusOf(load().cards[slug]);
      text.textContent = 'Your status: ' + (status === 'known' ? 'known' : status === 'review' ? 'to review' : 'not practised yet');
      known.setAttribute('aria-pressed', status === 'known' ? 'true' : 'false');
      review.setAttribute('aria-pressed', status === 'review' ? 'true' : 'false');
    }
    known.addEventListener('click', function () { setStatus(slug, 'known'); render(); });
    review.addEventListener('click', function () { setStatus(slug, 'review'); render(); });
    box.appendChild(text);
    box.appendChild(known);
    box.appendChild(review);
    box.hidden = false;
    render();
  }

  /* ---- export, import, reset ---- */

  function exportJson() { return JSON.stringify(load(), null, 2); }

  function importJson(text) {
    var data = JSON.parse(text);
    if (!data || data.version !== 1 || typeof data.cards !== 'object') { throw new Error('not a handbook progress file'); }
    save(data);
    return Object.keys(data.cards).length;
  }

  function reset() { try { window.localStorage.removeItem(KEY); } catch (e) { /* nothing to remove */ } }

  function setupTools() {
    var tools = document.getElementById('progress-tools');
    if (!tools) { return; }
    tools.hidden = false;
    var status = document.getElementById('progress-tools-status');
    document.getElementById('progress-export').addEventListener('click', function () {
      var blob = new Blob([exportJson()], { type: 'application/json' });
      var link = document.createElement('a');
      link.href = URL.createObjectURL(blob);
      link.download = 'handbook-progress.json';
      document.body.appendChild(link);
      link.click();
      link.remove();
      status.textContent = 'Progress exported.';
    });
    document.getElementById('progress-import').addEventListener('change', function (event) {
      var file = event.target.files && event.target.files[0];
      if (!file) { return; }
      var reader = new FileReader();
      reader.onload = function () {
        try {
          var n = importJson(String(reader.result));
          status.textContent = 'Progress imported: ' + n + ' questions.';
          refreshPractice();
        } catch (e) {
          status.textContent = 'That file is not a handbook progress file.';
        }
      };
      reader.readAsText(file);
    });
    document.getElementById('progress-reset').addEventListener('click', function () {
      if (window.confirm('Forget all your progress in this browser?')) {
        reset();
        status.textContent = 'Progress reset.';
        refreshPractice();
      }
    });
  }

  /* ---- practice ---- */

  var practice = null;

  function refreshPractice() { if (practice) { practice.restart(); } }

  function setupPractice() {
    var box = document.getElementById('practice');
    if (!box) { return; }
    box.hidden = false;
    var hint = document.getElementById('practice-no-js');
    if (hint) { hint.hidden = true; }
    var filters = document.getElementById('practice-filters');
    var difficulty = document.getElementById('practice-difficulty');
    var questionEl = document.getElementById('card-question');
    var metaEl = document.getElementById('card-meta');
    var answerEl = document.getElementById('card-answer');
    var revealButton = document.getElementById('card-reveal');
    var grades = document.getElementById('card-grades');
    var summary = document.getElementById('practice-summary');
    var link = document.getElementById('card-link');
    var queue = [];
    var current = null;
    var revealed = false;
    var done = 0;

    cards().then(function (all) {
      var categories = [];
      all.forEach(function (c) { if (categories.indexOf(c.c) < 0) { categories.push(c.c); } });
      var options = filters.querySelector('.options');
      categories.forEach(function (name, i) {
        var label = document.createElement('label');
        var input = document.createElement('input');
        input.type = 'checkbox';
        input.checked = true;
        input.value = name;
        input.id = 'practice-category-' + i;
        label.appendChild(input);
        label.appendChild(document.createTextNode(' ' + name));
        options.appendChild(label);
      });
      filters.addEventListener('change', restart);
      difficulty.addEventListener('change', restart);

      function chosen() {
        var names = Array.prototype.filter.call(options.querySelectorAll('input'), function (i) { return i.checked; })
          .map(function (i) { return i.value; });
        var level = difficulty.value;
        return all.filter(function (c) {
          return names.indexOf(c.c) >= 0 && (level === '' || c.d === level);
        });
      }

      function restart() {
        var data = load();
        var now = today();
        var pool = chosen();
        var due = pool.filter(function (c) { var s = data.cards[c.s]; return s && s.due <= now; })
          .sort(function (a, b) { return data.cards[a.s].due - data.cards[b.s].due; });
        var fresh = pool.filter(function (c) { return !data.cards[c.s]; });
        queue = due.concat(fresh);
        done = 0;
        next();
      }

      function next() {
        current = queue.shift() || null;
        revealed = false;
        answerEl.hidden = true;
        answerEl.textContent = '';
        grades.hidden = true;
        revealButton.hidden = !current;
        if (!current) {
          questionEl.textContent = 'Nothing is due in these categories. Well done.';
          metaEl.textContent = '';
          link.hidden = true;
          summary.textContent = done ? done + ' questions practised this session.' : '';
          return;
        }
        questionEl.textContent = current.t;
        metaEl.textContent = current.c + (current.d ? ' · ' + current.d : '');
        link.href = root + current.p;
        link.hidden = false;
        summary.textContent = queue.length + ' more in this session · ' + done + ' practised';
        revealButton.focus();
      }

      function reveal() {
        if (!current || revealed) { return; }
        revealed = true;
        var card = current;
        answer(card).then(function (markup) {
          if (card !== current) { return; }
          // the answer markup was written and sanitised at build time
          answerEl.innerHTML = markup || '<p>This question has no answer in the sources yet.</p>';
          answerEl.hidden = false;
          revealButton.hidden = true;
          grades.hidden = false;
          grades.querySelector('button').focus();
        });
      }

      function grade(quality) {
        if (!current || !revealed) { return; }
        var data = load();
        data.cards[current.s] = schedule(data.cards[current.s], quality);
        save(data);
        done++;
        if (quality < 3) { queue.splice(Math.min(3, queue.length), 0, current); }
        next();
      }

      revealButton.addEventListener('click', reveal);
      Array.prototype.forEach.call(grades.querySelectorAll('button[data-quality]'), function (b) {
        b.addEventListener('click', function () { grade(Number(b.getAttribute('data-quality'))); });
      });
      document.addEventListener('keydown', function (event) {
        var typing = /^(input|textarea|select)$/i.test(event.target.tagName) && event.target.type !== 'checkbox';
        if (typing || event.ctrlKey || event.metaKey || event.altKey) { return; }
        if (event.key === ' ' && !revealed && current) { event.preventDefault(); reveal(); }
        var keys = { '1': 0, '2': 3, '3': 4, '4': 5 };
        if (revealed && Object.prototype.hasOwnProperty.call(keys, event.key)) { event.preventDefault(); grade(keys[event.key]); }
      });
      practice = { restart: restart };
      restart();
    });
  }

  window.handbookStudy = {
    exportJson: exportJson,
    importJson: importJson,
    reset: reset,
    status: function (slug) { return statusOf(load().cards[slug]); },
    schedule: schedule
  };

  function start() {
    setupTheme();
    setupRandom();
    setupProgressBars();
    setupTopicStatus();
    setupTools();
    setupPractice();
  }

  if (document.readyState === 'loading') { document.addEventListener('DOMContentLoaded', start); } else { start(); }
}());
