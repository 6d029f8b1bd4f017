import {describe, expect, it} from 'vitest'
import {processText} from '../src/engine/run.js'
import {chooseFormat, sniffFormat, type InputFormat} from '../src/formats/index.js'
import {ensureBuilt, run, tree} from './cli-support.js'

/**
 * Fixtures are written with `{before|after}` around each prose artifact: the
 * original has `before`, the fixed text `after`. Everything else (code,
 * markup, URLs, front matter, math, attributes) holds the same artifacts
 * unmarked and must come out byte for byte.
 */
function fixture(template: string) {
  const spans: Array<[number, number]> = []
  let original = ''
  let fixed = ''
  for (const part of template.split(/(\{[^{}|]*\|[^{}|]*\})/)) {
    const m = /^\{([^{}|]*)\|([^{}|]*)\}$/.exec(part)
    if (!m) {
      original += part
      fixed += part
      continue
    }
    spans.push([original.length, original.length + m[1].length])
    original += m[1]
    fixed += m[2]
  }
  return {original, fixed, spans}
}

const MARKDOWN = fixture(`---
title: Report , by the minister
tags: [one , two]
---

# The minister said{ :|:} it is over

The minister spoke{ ,|,} then left{ ;|;} nobody followed.

\`\`\`js
const a = "x" , b = 1 ; // code : untouched
\`\`\`

    indented code , untouched ; too

Call \`f(a , b)\` here{ ,|,} then see [the report{ ,|,} in full](<https://example.com/a , b> "title , x") and <https://example.org/?q=a,b> or www.example.net/a,b.

> A quoted line{ ,|,} first.
> Second quoted line{ ;|;} last.

- item one{ ,|,} with *emphasis{ ,|,}* and **strong** text
- item two{ ;|;} done
  1. nested{ ,|,} item

| head{ ,|,} a | head b |
| -------- | ------ |
| cell{ ,|,} x | y |

<div class="a , b">html block , untouched</div>

Inline <span title="a , b">html</span>{ ,|,} fine.[^note]

[^note]: A footnote{ ,|,} here.

[ref , x]: https://example.com/ref

$$
a , b ; c
$$

![alt , text](image.png "t , x") Image above{ ,|,} fine.

Escaped \\*stars\\* and &amp; entities{ ,|,} fine.

<!-- mtclean-disable-next-line punct-spacing -->
Silenced line , left alone.

[//]: # (mtclean-disable-next-line punct-spacing)
Silenced by a Markdown comment , too.

~~~
mtclean-disable
~~~

Still checked{ ,|,} after a marker in code.
`)

const HTML = fixture(`<!DOCTYPE html>
<html lang="en">
<head>
  <meta name="description" content="Words , here">
  <title>Report{ ,|,} by the minister</title>
  <style>p { margin : 0 ; }</style>
  <script>var s = "a , b" ; if (x < 1 && y) {}</script>
</head>
<body>
  <h1>The minister said{ :|:} it is over</h1>
  <p class="a , b" title="x , y">
    Caf&eacute; &amp; bar{ ,|,} it&rsquo;s over{ ;|;} said
    the <em>minister</em>{ ,|,} plainly. {Ã©|é}tait.
  </p>
  <!-- mtclean-disable-next-line punct-spacing -->
  <p>Silenced line , left alone.</p>
  <pre>pre , text : Ã© kept</pre>
  <p>Use <code>x , y</code> here{ ,|,} ok. <a href="http://a.com/?q=a , b">link{ ,|,} text</a>.</p>
  <ul><li>one{ ;|;} two</li></ul>
  <table><tr><td>cell{ ,|,} x</td></tr></table>
  <textarea>area , text</textarea>
</body>
</html>
`)

async function lint(text: string, format: InputFormat, mode: 'check' | 'fix') {
  return processText(text, {}, mode, false, undefined, false, format)
}

describe.each([
  ['markdown', MARKDOWN],
  ['html', HTML]
] as const)('%s with its markup kept', (format, doc) => {
  it('fix changes the prose artifacts and nothing else', async () => {
    const outcome = await lint(doc.original, format, 'fix')
    expect(outcome.fixed).toBe(doc.fixed)
    expect(outcome.messages).toEqual([])
  })

  it('check reports every prose artifact, at its place in the source, and nothing in code or markup', async () => {
    const {messages} = await lint(doc.original, format, 'check')
    for (const m of messages) {
      const inside = doc.spans.some(([from, to]) => m.startOffset >= from && m.endOffset <= to)
      expect(inside, `${m.ruleId} at ${m.line}:${m.column} ${JSON.stringify(m.actual)}`).toBe(true)
      expect(doc.original.slice(m.startOffset, m.endOffset)).toBe(m.actual)
    }
    for (const [from, to] of doc.spans) {
      expect(messages.some((m) => m.startOffset >= from && m.endOffset <= to), `span ${JSON.stringify(doc.original.slice(from, to))} at ${from}`).toBe(true)
    }
  })

  it('read as plain text, the same document is damaged (why the format matters)', async () => {
    const outcome = await lint(doc.original, 'text', 'fix')
    expect(outcome.fixed).not.toBe(doc.fixed)
  })
})

describe('input format choice', () => {
  it('by extension, then by content for stdin', () => {
    expect(chooseFormat(undefined, 'a/b.md', '')).toBe('markdown')
    expect(chooseFormat(undefined, 'b.MARKDOWN', '')).toBe('markdown')
    expect(chooseFormat(undefined, 'b.mdx', '')).toBe('markdown')
    expect(chooseFormat(undefined, 'page.htm', '')).toBe('html')
    expect(chooseFormat(undefined, 'page.html', '')).toBe('html')
    expect(chooseFormat(undefined, 'notes.txt', '# Heading\n')).toBe('text')
    expect(chooseFormat('markdown', 'notes.txt', '')).toBe('markdown')
    expect(chooseFormat(undefined, undefined, '<!doctype html><p>x</p>')).toBe('html')
    expect(chooseFormat(undefined, undefined, '---\ntitle: x\n---\nText.')).toBe('markdown')
  })

  it('plain prose sniffs as text, even with a hash or a tag inside', () => {
    expect(sniffFormat('The minister said it was over.\nShe left #1 on the list <b>.\n')).toBe('text')
    expect(sniffFormat('Intro.\n\n```\ncode\n```\n')).toBe('markdown')
  })
})

describe('mtclean with Markdown and HTML files', () => {
  ensureBuilt()
  it('fix doc.md prints the document with only its prose fixed; --format-in text does not', () => {
    const dir = tree({'doc.md': MARKDOWN.original, 'page.html': HTML.original, '.mtcleanrc': '{}'})
    expect(run(['fix', 'doc.md'], {cwd: dir}).stdout).toBe(MARKDOWN.fixed)
    expect(run(['fix', 'page.html'], {cwd: dir}).stdout).toBe(HTML.fixed)
    expect(run(['fix', '--format-in', 'text', 'doc.md'], {cwd: dir}).stdout).not.toBe(MARKDOWN.fixed)
  })

  it('stdin is read by its content, or by --stdin-filename', () => {
    const dir = tree({'.mtcleanrc': '{}'})
    expect(run(['fix'], {cwd: dir, input: MARKDOWN.original}).stdout).toBe(MARKDOWN.fixed)
    expect(run(['fix', '--stdin-filename', 'page.html'], {cwd: dir, input: HTML.original}).stdout).toBe(HTML.fixed)
  })

  it('the config key format reads a .txt file as Markdown', () => {
    const dir = tree({'notes.txt': MARKDOWN.original, '.mtcleanrc': '{"format": "markdown"}'})
    expect(run(['fix', 'notes.txt'], {cwd: dir}).stdout).toBe(MARKDOWN.fixed)
  })

  it('a bad format is a usage or config error', () => {
    const dir = tree({'a.txt': 'x', '.mtcleanrc': '{"format": "rtf"}'})
    expect(run(['check', '--format-in', 'rtf', 'a.txt'], {cwd: dir, env: {}}).code).toBe(2)
    const r = run(['check', 'a.txt'], {cwd: dir})
    expect(r.code).toBe(2)
    expect(r.stderr).toContain('bad value "rtf" for "format"')
  })
})
