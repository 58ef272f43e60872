// Japanese queries for Material's search. Material matches the words TinySegmenter cuts from the
// pages, so a query typed without spaces ("カードを落とした") or with a variant (漏洩 for 漏えい)
// finds little, and its worker re-cuts kanji queries against the index. Each section carries ASCII
// search keys in a hidden block (macros/search.py); before a query reaches Material's search
// worker, turn it into the same keys:
// - every form of a glossary term (#mnp-search-forms, built from the YAML glossary) → the term's key,
//   and a question for its meaning (漏えいとは, PPCって何, 毀損 意味) also → the key of its glossary entry;
// - every pair of adjacent kanji/katakana (a lone one: its own key), and numbers (30日: with its unit);
// - pairs that start with a hiragana are left out (particles and endings, on every page), except
//   in a word written in kana alone.
// The keys match only the hidden blocks, so the words themselves are marked in the results here.
// Then the results are re-ranked with a model of the known questions (search/known_questions.js,
// learnt from extra.search.known_questions): a page moves up as it is likely to answer the query.
// A query that finds nothing gets links to the pages to start from (extra.search.help_pages).
(() => {
  "use strict"

  const QUERY = 2 // Material's search message types: a query, its results
  const RESULT = 3
  const JAPANESE = /[\u3040-\u30ff\u3400-\u9fff\uf900-\ufaff]/
  const LUNR_SYNTAX = /["*+\-:^~]/
  // Mirrors macros/search.py (JAPANESE, _HIRAGANA, _PARTICLES, _NUMBER, _LATIN, text_keys): both sides make the same keys.
  const CHARS = "\\u3041-\\u3096\\u30a1-\\u30fa\\u30fc\\u3400-\\u4dbf\\u4e00-\\u9fff\\uf900-\\ufaff々〆ヵヶ"
  const RUN = new RegExp(`[${CHARS}]+`, "g")
  const HIRAGANA = /[\u3041-\u3096]/
  const PARTICLES = new Set("のがをはにでもへや")
  const SUFFIX = new RegExp(`^[${CHARS.replace("\\u3041-\\u3096", "")}]$`) // one kanji or katakana
  const NUMBER = new RegExp(`([0-9]+)([${CHARS}]?)`, "g")
  const CONTENT = /[^\u3041-\u3096]{2,}/g // kanji/katakana words within a run: marked in results
  const LATIN = /[a-z]+/g
  // What follows a term when someone asks what it means; not って何日 (a question about a number of days).
  const DEFINITION = /^\s*(とは|って何(?![\u3400-\u9fff])|ってなに|の?意味)/
  const definitionKey = key => key.replace(/^mnp/, "mnd") // macros/search.py, definition_key
  // Keys have no digits (lunr issue #503, macros/search.py _DIGITS_AS_LETTERS): 0–9 are written g–p.
  const code = key => key.replace(/[0-9]/g, digit => "ghijklmnop"[digit])
  const hex = char => code(char.charCodeAt(0).toString(16).padStart(4, "0"))

  // A lone kanji (the 先 of 外注先) says less than a pair, a number or a glossary term: those get
  // a boost. Written key*^n: the wildcard keeps lunr's pipeline off the key, as for Material's own
  // query words; repeating the key instead would count it as several of the query's words.
  const PAIR = 2
  const weigh = (key, times) => [times > 1 ? `${key}*^${times}` : key]

  const escape = text => text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&") // for a RegExp

  // kanaWord: the run is a word of its own written in kana (not the ending left beside a term).
  function runKeys(run, kanaWord) {
    const chars = [...run]
    const kana = chars.map(char => HIRAGANA.test(char))
    const keys = []
    for (let i = 0; i + 1 < chars.length; i++) {
      if ((kanaWord && kana.every(Boolean)) || !(kana[i] || PARTICLES.has(chars[i + 1]))) keys.push(...weigh(`mj${hex(chars[i])}${hex(chars[i + 1])}`, PAIR))
    }
    chars.forEach((char, i) => {
      if (!kana[i] && (i === 0 || kana[i - 1]) && (i === chars.length - 1 || kana[i + 1])) keys.push(`mk${hex(char)}`)
    })
    return keys
  }

  let glossary = null

  // From {terms: {key: [forms]}, subject: [keys]} (macros/search.py, query_data): form → key.
  function load() {
    if (glossary) return glossary
    const element = document.getElementById("mnp-search-forms")
    const { terms = {}, subject = [] } = element ? JSON.parse(element.textContent) : {}
    const forms = new Map()
    for (const [key, list] of Object.entries(terms)) {
      for (const form of list) forms.set(form.normalize("NFKC").toLowerCase(), key)
    }
    const longest = Math.max(0, ...[...forms.keys()].map(form => form.length))
    glossary = { terms, forms, longest, subject: new Set(subject) }
    return glossary
  }

  function formAt(text, start, { forms, longest }) {
    for (let length = Math.min(longest, text.length - start); length > 0; length--) {
      const candidate = text.slice(start, start + length)
      if (forms.has(candidate)) return candidate
    }
    return null
  }

  // The keys of text outside glossary forms, and the words to mark in the results.
  function plainKeys(text, keys, marks, afterTerm, beforeTerm) {
    for (const { 0: run, index } of text.matchAll(RUN)) {
      const fragment = (afterTerm && index === 0) || (beforeTerm && index + run.length === text.length)
      keys.push(...runKeys(run, !fragment))
      marks.push(...(run.match(CONTENT) || []))
    }
    for (const [, number, unit] of text.matchAll(NUMBER)) {
      // With its unit (30日, 19条) the number is that key alone: bare, it would match phone numbers and times.
      keys.push(...weigh(unit ? `mu${code(number)}x${hex(unit)}` : number, PAIR))
      marks.push(number + unit)
    }
    for (const word of text.match(LATIN) || []) {
      keys.push(...weigh(word, PAIR))
      marks.push(word)
    }
  }

  // A query in Latin letters without the site's subject in them (My Number), if other words remain:
  // they say what it is about, and "number" would favour the English sections, which use it most.
  function withoutSubject(query, { terms, subject }) {
    let rest = query
    for (const key of subject) {
      for (const form of terms[key]) {
        const latin = form.normalize("NFKC").toLowerCase()
        if (!JAPANESE.test(latin)) rest = rest.replace(new RegExp(`\\b${escape(latin)}\\b`, "g"), " ")
      }
    }
    return /[a-z]/.test(rest) ? rest.trim() : query
  }

  // {query for the worker, words to mark, whether it asks what a term means}; queries with lunr
  // syntax pass as typed, queries without Japanese as typed but for the subject.
  function transform(typed) {
    // A hyphen after katakana is a long-vowel mark typed on the wrong key (マイナンバ-), not lunr syntax.
    const query = typed.normalize("NFKC").toLowerCase().replace(/(?<=[\u30a1-\u30fa])-/g, "ー")
    if (LUNR_SYNTAX.test(query)) return { query: typed, marks: [], meaning: false }
    const dict = load()
    if (!JAPANESE.test(query)) return { query: withoutSubject(query, dict), marks: [], meaning: false }
    const keys = []
    const subject = { keys: [], marks: [] }
    const marks = []
    let rest = ""
    let afterForm = false
    let asksMeaning = false
    // One kanji right after a term (the 先 of 外注先, the 等 of 漏えい等) is the term's suffix:
    // as a word of its own it would match pages on other subjects.
    const flush = beforeTerm => {
      if (!(afterForm && SUFFIX.test(rest))) plainKeys(rest, keys, marks, afterForm, beforeTerm)
    }
    for (let index = 0; index < query.length;) {
      const form = formAt(query, index, dict)
      if (form) {
        const key = dict.forms.get(form)
        flush(true)
        // A term found in the glossary weighs as much as the character pairs it stands for, up to
        // those of a two-kanji word: a long katakana form (マイナンバー) would drown the rest.
        // The site's subject (個人番号) waits: it counts only if the query says nothing else.
        const weighed = weigh(key, PAIR * Math.min(2, Math.max(1, form.length - 1)))
        const into = dict.subject.has(key) ? subject : { keys, marks }
        into.keys.push(...weighed)
        into.marks.push(...dict.terms[key])
        // The question's own words (とは, って何) are not searched for; the section that defines the
        // term outweighs the sections that use it most (事務取扱責任者 とは: the leak playbook).
        const asked = query.slice(index + form.length).match(DEFINITION)
        if (asked) keys.push(...weigh(definitionKey(key), PAIR * 8))
        asksMeaning ||= Boolean(asked)
        rest = ""
        afterForm = !asked
        index += form.length + (asked ? asked[0].length : 0)
      } else {
        rest += query[index]
        index += 1
      }
    }
    flush(false)
    if (!keys.length) {
      keys.push(...subject.keys)
      marks.push(...subject.marks)
    }
    if (!keys.length) return { query: typed, marks: [], meaning: asksMeaning }
    return { query: [...new Set(keys)].join(" "), marks: [...new Set(marks)], meaning: asksMeaning }
  }

  // Results: cut the hidden keys off each snippet (from the marker, macros/search.py BLOCK_MARKER,
  // to its end), mark the query's words, and pass them to the page opened (?h=, search.highlight).
  const MARKER = "mnpterms"
  let queryMarks = []

  function trim(article) {
    const walker = document.createTreeWalker(article, NodeFilter.SHOW_TEXT)
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const at = node.data.indexOf(MARKER)
      if (at < 0) continue
      const range = document.createRange()
      range.setStart(node, at)
      range.setEnd(article, article.childNodes.length)
      range.deleteContents()
      return
    }
  }

  function mark(article, pattern) {
    const walker = document.createTreeWalker(article, NodeFilter.SHOW_TEXT)
    const nodes = []
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      if (node.parentElement.closest("mark") === null && pattern.test(node.data)) nodes.push(node)
    }
    for (const node of nodes) {
      const fragment = document.createDocumentFragment()
      node.data.split(pattern).forEach((part, index) => {
        if (!part) return
        if (index % 2) {
          const element = document.createElement("mark")
          element.textContent = part
          fragment.append(element)
        } else {
          fragment.append(part)
        }
      })
      node.replaceWith(fragment)
    }
  }

  function present(list) {
    const escaped = queryMarks.map(escape)
    const pattern = escaped.length ? new RegExp(`(${escaped.sort((a, b) => b.length - a.length).join("|")})`, "i") : null
    for (const article of list.querySelectorAll(".md-search-result__article")) {
      trim(article)
      if (pattern) mark(article, pattern)
    }
    if (!queryMarks.length) return
    for (const link of list.querySelectorAll("a.md-search-result__link[href]")) {
      const url = new URL(link.href)
      if (!url.searchParams.has("h")) continue
      url.searchParams.set("h", queryMarks.join(" "))
      if (link.href !== url.href) link.href = url.href
    }
  }

  // Known questions: a model learnt from them at build time (macros/question_model.py) says how
  // likely each page is to answer the query. A page's place: Material's score / the best score +
  // VOTES × its probability; a page the words matched nowhere is added if it is likelier than all
  // the others together. VOTES was chosen on the evaluation (README, 検索の評価).
  const VOTES = 3
  const ADDS = 0.5
  const SEPARATORS = /[\s、。？?！!・/]+/ // as macros/question_model.py cuts its grams
  const LONGEST = 3

  function grams(text) {
    const counts = new Map()
    for (const part of text.normalize("NFKC").toLowerCase().split(SEPARATORS)) {
      const chars = [...part]
      for (let n = 1; n <= LONGEST; n++) {
        for (let at = 0; at + n <= chars.length; at++) {
          const gram = chars.slice(at, at + n).join("")
          counts.set(gram, (counts.get(gram) || 0) + 1)
        }
      }
    }
    return counts
  }

  // A query in kana alone (まいなかーど おとした, typed unconverted on a phone) shares few
  // characters with questions written in kanji: the model also learnt their readings, in hiragana.
  const KANJI = /[\u3400-\u9fff\uf900-\ufaff々]/
  const KANA = /[\u3041-\u3096\u30a1-\u30fa]/
  const hiragana = text => text.replace(/[\u30a1-\u30f6]/g, char => String.fromCharCode(char.charCodeAt(0) - 0x60))

  // page → probability, as scikit-learn's predict_proba computes it (but for the grams whose weights
  // were too small to ship); empty when the model knows no gram of the query.
  function probabilities({ pages, bias, grams: weights }, query) {
    const text = query.normalize("NFKC")
    const known = [...grams(!KANJI.test(text) && KANA.test(text) ? hiragana(text) : text)].filter(([gram]) => Object.hasOwn(weights, gram))
    const tfidf = known.map(([gram, count]) => [weights[gram], (1 + Math.log(count)) * weights[gram][0]])
    const norm = Math.sqrt(tfidf.reduce((sum, [, value]) => sum + value * value, 0))
    if (!norm) return new Map()
    const logits = [...bias]
    for (const [entry, value] of tfidf) {
      for (let at = 1; at < entry.length; at += 2) logits[entry[at]] += (entry[at + 1] * value) / norm
    }
    const top = Math.max(...logits)
    const exps = logits.map(logit => Math.exp(logit - top))
    const total = exps.reduce((sum, value) => sum + value, 0)
    return new Map(pages.map((page, index) => [page, exps[index] / total]))
  }

  // Material's results are one group of sections per page; a page only the model found gets a
  // group of its own, its title alone, in the shape Material renders.
  function rerank(items, query) {
    const known = window.mnpKnownQuestions
    if (!known) return items // not loaded (yet), or a build without them: Material's order stays
    const likely = probabilities(known.model, query)
    if (!likely.size) return items
    const pages = items.map(group => ({
      group,
      page: group[0].location.split("#")[0],
      score: Math.max(...group.map(doc => doc.score)),
    }))
    const best = Math.max(0, ...pages.map(page => page.score)) || 1
    for (const [page, probability] of likely) {
      if (probability >= ADDS && !pages.some(found => found.page === page)) {
        pages.push({ group: [{ location: page, title: known.titles[page], text: "", score: 0, terms: {} }], page, score: 0 })
      }
    }
    const place = page => page.score / best + VOTES * (likely.get(page.page) || 0)
    return pages.sort((a, b) => place(b) - place(a)).map(page => page.group)
  }

  // A query that finds nothing: the pages to start from (overrides/main.html, #mnp-search-help).
  let help = null
  let asked = false
  const showHelp = shown => {
    if (help) help.hidden = !shown
  }

  document.addEventListener("DOMContentLoaded", () => {
    const list = document.querySelector(".md-search-result__list")
    if (!list) return
    const template = document.getElementById("mnp-search-help")
    if (template) {
      help = template.content.firstElementChild.cloneNode(true)
      list.after(help)
    }
    const observer = new MutationObserver(() => {
      observer.disconnect() // our own changes must not call us again
      present(list)
      observer.observe(list, { childList: true, subtree: true })
    })
    observer.observe(list, { childList: true, subtree: true })
  })

  // A question for a term's meaning already has its answer, the term's glossary entry: its
  // results keep Material's order (known questions about 漏洩 would put the leak playbook first).
  let typed = ""
  let meaning = false
  // Material reads the worker's results through a message listener (added once, never removed):
  // what it gets is re-ranked, once per message however many listeners there are.
  const reranked = new WeakMap()
  const rerankedEvent = event => {
    const { data } = event
    if (!data || data.type !== RESULT) return event
    if (!reranked.has(event)) {
      const items = asked && !meaning ? rerank(data.data.items, typed) : data.data.items
      showHelp(items.length === 0 && asked)
      reranked.set(event, new MessageEvent("message", { data: { ...data, data: { ...data.data, items } } }))
    }
    return reranked.get(event)
  }

  const BaseWorker = window.Worker
  window.Worker = class extends BaseWorker {
    addEventListener(type, listener, ...rest) {
      if (type !== "message" || typeof listener !== "function") return super.addEventListener(type, listener, ...rest)
      return super.addEventListener(type, event => listener.call(this, rerankedEvent(event)), ...rest)
    }

    postMessage(message, ...rest) {
      if (message && message.type === QUERY && typeof message.data === "string") {
        typed = message.data
        asked = message.data.trim() !== "" // an emptied field is a query too, not one that found nothing
        const transformed = transform(message.data)
        meaning = transformed.meaning
        queryMarks = transformed.marks
        message = { ...message, data: transformed.query }
      }
      super.postMessage(message, ...rest)
    }
  }
})()
