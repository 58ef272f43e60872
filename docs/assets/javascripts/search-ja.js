// Japanese queries for Material's search. The index is segmented with TinySegmenter, but a query
// typed without spaces ("カードを落とした") reaches lunr as one term and matches nothing, and the
// same words are cut differently alone and inside a sentence. Before the query reaches Material's
// search worker: replace every form of a glossary term (#mnp-search-forms, built from the YAML
// glossary) by the term's search key, which every section using the term carries (macros/search.py),
// plus the term as the pages write it, for highlighting; segment the rest with Material's own
// TinySegmenter (lunr/tinyseg.js, loaded next) and drop particles.
(() => {
  "use strict"
  // tinyseg.js attaches TinySegmenter to a global `lunr`; the page itself has no lunr (the worker does).
  window.lunr = window.lunr || {}

  const QUERY = 2 // Material's search message type for a query
  const JAPANESE = /[\u3040-\u30ff\u3400-\u9fff\uf900-\ufaff\uff66-\uff9f]/
  const SEPARATOR = /[\s\u3000、。，．・「」？！?!]+/
  const LUNR_SYNTAX = /["*+\-:^~]/
  // Particles and endings carry no meaning of their own and appear on every page.
  const FUNCTION_WORDS = new Set([
    "を", "に", "は", "が", "の", "へ", "で", "と", "も", "や", "か", "な", "ね", "よ", "て", "た", "だ",
    "から", "まで", "より", "など", "って", "という", "です", "ます", "ました", "でし", "し", "する",
    "した", "して", "され", "される", "れる", "られ", "いる", "ある", "ない", "たい", "いい", "ば",
  ])

  const ONE_KANA = /^[\u3040-\u309f]$/ // a lone hiragana is an ending cut off by the segmenter

  let dictionary = null

  function load() {
    if (dictionary) return dictionary
    const element = document.getElementById("mnp-search-forms")
    const forms = element ? JSON.parse(element.textContent) : {}
    const longest = Math.max(0, ...Object.keys(forms).map(form => form.length))
    dictionary = { forms, longest, segmenter: new window.lunr.TinySegmenter() }
    return dictionary
  }

  function formAt(text, start, { forms, longest }) {
    for (let length = Math.min(longest, text.length - start); length > 0; length--) {
      const candidate = text.slice(start, start + length)
      if (Object.hasOwn(forms, candidate)) return candidate
    }
    return null
  }

  function segment(text, { segmenter }) {
    return text ? segmenter.segment(text).filter(word => !FUNCTION_WORDS.has(word) && !ONE_KANA.test(word)) : []
  }

  function rewrite(run, dict) {
    const words = []
    let rest = ""
    for (let index = 0; index < run.length;) {
      const form = formAt(run, index, dict)
      if (form) {
        const [key, term] = dict.forms[form]
        words.push(...segment(rest, dict), key, ...segment(term, dict))
        rest = ""
        index += form.length
      } else {
        rest += run[index]
        index += 1
      }
    }
    words.push(...segment(rest, dict))
    return words.length ? words : [run]
  }

  function transform(query) {
    if (!JAPANESE.test(query) || typeof window.lunr.TinySegmenter !== "function") return query
    const dict = load()
    const words = []
    for (const run of query.split(SEPARATOR)) {
      if (!run) continue
      words.push(...(!JAPANESE.test(run) || LUNR_SYNTAX.test(run) ? [run] : rewrite(run, dict)))
    }
    return [...new Set(words)].join(" ")
  }

  // Result snippets show each section's indexed text, hidden search terms included: cut them off
  // from their marker (macros/search.py, BLOCK_MARKER) to the end of the snippet.
  const MARKER = "mnpterms"

  function trimSnippets(list) {
    for (const article of list.querySelectorAll(".md-search-result__article")) {
      const walker = document.createTreeWalker(article, NodeFilter.SHOW_TEXT)
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        const at = node.data.indexOf(MARKER)
        if (at < 0) continue
        const range = document.createRange()
        range.setStart(node, at)
        range.setEnd(article, article.childNodes.length)
        range.deleteContents()
        break
      }
    }
  }

  document.addEventListener("DOMContentLoaded", () => {
    const list = document.querySelector(".md-search-result__list")
    if (!list) return
    new MutationObserver(() => trimSnippets(list)).observe(list, { childList: true, subtree: true })
  })

  const BaseWorker = window.Worker
  window.Worker = class extends BaseWorker {
    postMessage(message, ...rest) {
      if (message && message.type === QUERY && typeof message.data === "string") {
        message = { ...message, data: transform(message.data) }
      }
      super.postMessage(message, ...rest)
    }
  }
})()
