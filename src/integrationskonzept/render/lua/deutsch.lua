-- German quotation marks: „…“ and ‚…‘ (pandoc's writers emit English ones).
return {
  {
    Quoted = function(el)
      local open, close = "„", "“"
      if el.quotetype == "SingleQuote" then open, close = "‚", "‘" end
      local out = pandoc.List({ pandoc.Str(open) })
      out:extend(el.content)
      out:insert(pandoc.Str(close))
      return out
    end,
  },
}
