/*
 * handbook search: window.handbookSearch(query) and the search box.
 * The index is built at build time (search/*.js, classic scripts, so it loads from file://); this file only
 * looks words up, adds precomputed scores and shows results. It never builds an index and never sends a request
 * outside the site.
 */
(function () {
  'use strict';

  var html = document.documentElement;
  var root = html.getAttribute('data-root') || '';
  var data = window.handbookSearchData = window.handbookSearchData || {};
  var loading = {};
  var MAX_RESULTS = 10;

  function load(name) {
    if (data[name]) { return Promise.resolve(data[name]); }
    if (!loading[name]) {
      loading[name] = new Promise(function (resolve) {
        var script = document.createElement('script');
        script.src = root + 'search/' + name + '.js';
        script.onload = function () { resolve(data[name] || null); };
        script.onerror = function () { resolve(null); };
        document.head.appendChild(script);
      });
    }
    return loading[name];
  }

  function fold(text) {
    return text.toLowerCase().normalize('NFKD').replace(/[\u0300-\u036f]/g, '');
  }

  function tokens(query) {
    return fold(query).split(/[^\p{L}\p{N}]+/u).filter(function (t) { return t.length > 0; });
  }

  function shardKey(word, length) {
    var key = '';
    for (var i = 0; i < length; i++) {
      var c = i < word.length ? word.charAt(i) : '_';
      key += /[a-z0-9]/.test(c) ? c : '_';
    }
    return key;
  }

  /* Edit distance with adjacent transpositions (optimal string alignment), giving up above max. */
  function distance(a, b, max) {
    if (Math.abs(a.length - b.length) > max) { return max + 1; }
    var before = null;
    var previous = [];
    for (var j = 0; j <= b.length; j++) { previous.push(j); }
    for (var i = 1; i <= a.length; i++) {
      var current = [i];
      var best = i;
      for (var k = 1; k <= b.length; k++) {
        var cost = a.charAt(i - 1) === b.charAt(k - 1) ? 0 : 1;
        var value = Math.min(previous[k] + 1, current[k - 1] + 1, previous[k - 1] + cost);
        if (before && i > 1 && k > 1 && a.charAt(i - 1) === b.charAt(k - 2) && a.charAt(i - 2) === b.charAt(k - 1)) {
          value = Math.min(value, before[k - 2] + 1);
        }
        current.push(value);
        if (value < best) { best = value; }
      }
      if (best > max) { return max + 1; }
      before = previous;
      previous = current;
    }
    return previous[b.length];
  }

  /* Query words as units: vocabulary phrases ("k nearest neighbors") become one concept, stop words go. */
  function units(words, meta, open) {
    var stop = meta.stopSet || (meta.stopSet = new Set(meta.stop));
    var result = [];
    for (var i = 0; i < words.length; i++) {
      var matched = false;
      for (var j = Math.min(words.length, i + 6); j >= i + 2; j--) {
        var phrase = words.slice(i, j).join(' ');
        if (meta.phrases[phrase]) {
          result.push({ word: phrase, concept: meta.phrases[phrase], open: false });
          i = j - 1;
          matched = true;
          break;
        }
      }
      if (!matched) {
        var last = open && i === words.length - 1;
        if (!stop.has(words[i]) || last) {
          result.push({ word: words[i], concept: null, open: last, stop: stop.has(words[i]) });
        }
      }
    }
    // a finished stop word being typed ("how does a decision tree work") is not a word to look for
    var words2 = result.filter(function (u) { return !u.stop; });
    return words2.length > 0 ? words2 : result;
  }

  function firstAtLeast(keys, word) {
    var lo = 0;
    var hi = keys.length;
    while (lo < hi) {
      var mid = (lo + hi) >> 1;
      if (keys[mid] < word) { lo = mid + 1; } else { hi = mid; }
    }
    return lo;
  }

  /* Candidate terms of one unit: exact word, completions of the word being typed, close spellings. */
  function candidates(unit, meta) {
    if (unit.concept) { return Promise.resolve([{ term: unit.concept, factor: 1 }]); }
    var word = unit.word;
    return load('t-' + shardKey(word, meta.keyLength)).then(function (shard) {
      var found = {};
      var surface = (shard && shard.s) || {};
      function add(term, factor) {
        if (!found[term] || found[term] < factor) { found[term] = factor; }
      }
      if (surface[word]) { add(surface[word], 1); }
      if (unit.open && word.length >= 2) {
        var keys = shard && (shard.keys || (shard.keys = Object.keys(surface).sort()));
        if (keys) {
          var taken = 0;
          for (var i = firstAtLeast(keys, word); i < keys.length && taken < 40; i++) {
            if (keys[i].lastIndexOf(word, 0) !== 0) { break; }
            add(surface[keys[i]], 0.6 + 0.3 * word.length / keys[i].length);
            taken++;
          }
        }
      }
      if (!surface[word] && word.length >= 4) {
        var max = word.length >= 8 ? 2 : 1;
        Object.keys(surface).forEach(function (candidate) {
          var d = distance(word, candidate, max);
          if (d <= max) { add(surface[candidate], d === 1 ? 0.75 : 0.55); }
        });
      }
      return Object.keys(found).map(function (term) { return { term: term, factor: found[term] }; });
    });
  }

  function postings(term, meta) {
    return load('t-' + shardKey(term, meta.keyLength)).then(function (shard) {
      return (shard && shard.p && shard.p[term]) || [];
    });
  }

  function search(query) {
    query = String(query || '');
    return load('meta').then(function (meta) {
      if (!meta) { return []; }
      var words = tokens(query);
      var open = !/\s$/.test(query);
      var list = units(words, meta, open);
      if (list.length === 0) { return []; }
      return Promise.all(list.map(function (unit) {
        return candidates(unit, meta).then(function (terms) {
          return Promise.all(terms.map(function (t) {
            return postings(t.term, meta).then(function (p) { return { factor: t.factor, postings: p }; });
          }));
        });
      })).then(function (perUnit) {
        var scores = {};
        var matched = {};
        perUnit.forEach(function (terms) {
          var best = {};
          terms.forEach(function (t) {
            for (var i = 0; i < t.postings.length; i += 2) {
              var doc = t.postings[i];
              var score = t.factor * t.postings[i + 1];
              if (!best[doc] || best[doc] < score) { best[doc] = score; }
            }
          });
          Object.keys(best).forEach(function (doc) {
            scores[doc] = (scores[doc] || 0) + best[doc];
            matched[doc] = (matched[doc] || 0) + 1;
          });
        });
        var total = perUnit.length;
        var ranked = Object.keys(scores).map(function (doc) {
          var coverage = matched[doc] / total;
          return { doc: +doc, score: scores[doc] * coverage * coverage };
        });
        ranked.sort(function (a, b) { return b.score - a.score || a.doc - b.doc; });
        ranked = ranked.slice(0, MAX_RESULTS);
        return Promise.all(ranked.map(function (r) {
          return load('d-' + Math.floor(r.doc / meta.chunk)).then(function (chunk) {
            var row = chunk && chunk[r.doc % meta.chunk];
            return row ? { url: root + row[1], title: row[0], category: row[2], snippet: row[3] } : null;
          });
        })).then(function (results) { return results.filter(Boolean); });
      });
    });
  }

  window.handbookSearch = search;

  /* ---- the search box ---- */

  function highlight(target, text, query) {
    var words = tokens(query).filter(function (w) { return w.length > 1; });
    if (words.length === 0) { target.textContent = text; return; }
    var pattern = new RegExp('(' + words.map(function (w) {
      return w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    }).join('|') + ')', 'giu');
    var last = 0;
    var folded = fold(text);
    var m;
    while ((m = pattern.exec(folded)) !== null) {
      if (m[0].length === 0) { pattern.lastIndex++; continue; }
      target.appendChild(document.createTextNode(text.slice(last, m.index)));
      var mark = document.createElement('mark');
      mark.textContent = text.slice(m.index, m.index + m[0].length);
      target.appendChild(mark);
      last = m.index + m[0].length;
    }
    target.appendChild(document.createTextNode(text.slice(last)));
  }

  function renderResult(result, query, id) {
    var item = document.createElement('li');
    item.setAttribute('role', 'option');
    item.id = id;
    item.className = 'search-result';
    item.setAttribute('aria-selected', 'false');
    var link = document.createElement('a');
    link.href = result.url;
    link.tabIndex = -1;
    var title = document.createElement('span');
    title.className = 'result-title';
    highlight(title, result.title, query);
    var category = document.createElement('span');
    category.className = 'result-category';
    category.textContent = result.category;
    var snippet = document.createElement('span');
    snippet.className = 'result-snippet';
    highlight(snippet, result.snippet, query);
    link.appendChild(title);
    link.appendChild(category);
    link.appendChild(snippet);
    item.appendChild(link);
    return item;
  }

  function setupBox(input, list) {
    var sequence = 0;
    var active = -1;

    function options() { return list.querySelectorAll('[role="option"]'); }

    function close() {
      list.hidden = true;
      input.setAttribute('aria-expanded', 'false');
      input.removeAttribute('aria-activedescendant');
      active = -1;
    }

    function select(index) {
      var all = options();
      if (all.length === 0) { return; }
      active = (index + all.length) % all.length;
      for (var i = 0; i < all.length; i++) {
        all[i].setAttribute('aria-selected', i === active ? 'true' : 'false');
      }
      input.setAttribute('aria-activedescendant', all[active].id);
      all[active].scrollIntoView({ block: 'nearest' });
    }

    function update() {
      var query = input.value;
      var mine = ++sequence;
      if (query.trim() === '') { list.textContent = ''; close(); return; }
      search(query).then(function (results) {
        if (mine !== sequence) { return; }
        list.textContent = '';
        active = -1;
        input.removeAttribute('aria-activedescendant');
        if (results.length === 0) {
          var empty = document.createElement('li');
          empty.className = 'search-empty';
          empty.textContent = 'No matching question.';
          list.appendChild(empty);
        }
        results.forEach(function (r, i) { list.appendChild(renderResult(r, query, list.id + '-' + i)); });
        list.hidden = false;
        input.setAttribute('aria-expanded', 'true');
      });
    }

    input.addEventListener('input', update);
    input.addEventListener('focus', function () { if (input.value.trim() !== '' && list.children.length) { list.hidden = false; input.setAttribute('aria-expanded', 'true'); } });
    input.addEventListener('keydown', function (event) {
      if (event.key === 'ArrowDown') { event.preventDefault(); if (list.hidden) { update(); } else { select(active + 1); } }
      else if (event.key === 'ArrowUp') { event.preventDefault(); select(active - 1); }
      else if (event.key === 'Escape') {
        if (!list.hidden) { close(); } else { input.value = ''; }
        event.preventDefault();
      } else if (event.key === 'Enter') {
        var all = options();
        if (active >= 0 && all[active]) {
          event.preventDefault();
          window.location.href = all[active].querySelector('a').href;
        }
      }
    });
    list.addEventListener('mousedown', function (event) { event.preventDefault(); });
    document.addEventListener('click', function (event) {
      if (event.target !== input && !list.contains(event.target)) { close(); }
    });
  }

  /* A copy button on every code block, where the browser lets pages write to the clipboard. */
  function addCopyButtons() {
    if (!navigator.clipboard) { return; }
    Array.prototype.forEach.call(document.querySelectorAll('pre > code'), function (code) {
      var button = document.createElement('button');
      button.type = 'button';
      button.className = 'copy-code';
      button.textContent = 'Copy';
      button.setAttribute('aria-label', 'Copy this code');
      button.addEventListener('click', function () {
        navigator.clipboard.writeText(code.textContent).then(function () {
          button.textContent = 'Copied';
          setTimeout(function () { button.textContent = 'Copy'; }, 1500);
        });
      });
      code.parentNode.appendChild(button);
    });
  }

  function setupPage() {
    addCopyButtons();
    var input = document.getElementById('search-input');
    var list = document.getElementById('search-results');
    if (input && list) { setupBox(input, list); }
    document.addEventListener('keydown', function (event) {
      var typing = /^(input|textarea|select)$/i.test(event.target.tagName) || event.target.isContentEditable;
      if (event.key === '/' && !typing && input) { event.preventDefault(); input.focus(); }
    });
    var page = document.getElementById('search-page');
    if (page) {
      var query = new URLSearchParams(window.location.search).get('q') || '';
      var pageInput = document.getElementById('search-page-input');
      if (pageInput) { pageInput.value = query; }
      var status = document.getElementById('search-page-status');
      if (query.trim() === '') { status.textContent = 'Type a question, a term or an acronym.'; return; }
      search(query).then(function (results) {
        status.textContent = results.length === 0 ? 'No question matches “' + query + '”.'
          : results.length + ' question' + (results.length === 1 ? '' : 's') + ' match “' + query + '”.';
        results.forEach(function (r, i) { page.appendChild(renderResult(r, query, 'search-page-' + i)); });
      });
    }
  }

  if (document.readyState === 'loading') {
    document.addEventListener('DOMContentLoaded', setupPage);
  } else {
    setupPage();
  }
}());
