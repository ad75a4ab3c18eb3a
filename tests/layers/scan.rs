//! The scanner of `tests/layers.rs`: Rust source read as tokens, with
//! comments, string and character literals and `#[cfg(test)]` code left
//! out, and the first segments of each path that starts at `crate::` or
//! `super::`.

/// The top-level module each path outside test code starts at, with its
/// line, and the names of the file modules declared `#[cfg(test)]`.
pub fn paths_in(file: &str, mp: &[String], text: &str) -> (Vec<(usize, String)>, Vec<String>) {
    let code = blank_literals(text.as_bytes());
    let (code, test_mods) = blank_tests(code);
    let toks = tokens(&code);
    let mut out = Vec::new();
    // Inline modules open here: (name, brace depth inside them).
    let mut inline: Vec<(String, usize)> = Vec::new();
    let mut depth = 0usize;
    let mut i = 0;
    while i < toks.len() {
        let t = &toks[i];
        match t.text.as_str() {
            "{" => depth += 1,
            "}" => {
                if inline.last().is_some_and(|(_, d)| *d == depth) {
                    inline.pop();
                }
                depth = depth.saturating_sub(1);
            }
            "mod" if tok(&toks, i + 2) == "{" => {
                inline.push((tok(&toks, i + 1).to_string(), depth + 1));
            }
            "crate" | "super" if tok(&toks, i + 1) == "::" && !after_path(&toks, i) => {
                let mut here: Vec<String> = mp.to_vec();
                here.extend(inline.iter().map(|(n, _)| n.clone()));
                let mut j = i;
                if t.text == "crate" {
                    here.clear();
                    j += 2;
                } else {
                    while tok(&toks, j) == "super" && tok(&toks, j + 1) == "::" {
                        here.pop();
                        j += 2;
                    }
                }
                if here.is_empty() {
                    for (line, name) in first_segments(&toks, j) {
                        if name == "*" {
                            panic!("{file}:{line}: a glob import of the crate's root");
                        }
                        out.push((line, name));
                    }
                }
                i = j;
                continue;
            }
            _ => {}
        }
        i += 1;
    }
    (out, test_mods)
}

/// Whether the token at `i` continues a path (`x::crate` cannot happen;
/// `$crate` is a macro's).
pub fn after_path(toks: &[Tok], i: usize) -> bool {
    i > 0 && matches!(toks[i - 1].text.as_str(), "::" | "$")
}

pub fn tok(toks: &[Tok], i: usize) -> &str {
    toks.get(i).map_or("", |t| t.text.as_str())
}

/// The names a path tree starts with at `j`: `a::…` gives `a`,
/// `{a::…, b}` gives `a` and `b` (`self` names the root itself).
pub fn first_segments(toks: &[Tok], j: usize) -> Vec<(usize, String)> {
    let Some(t) = toks.get(j) else {
        return Vec::new();
    };
    if t.text != "{" {
        return vec![(t.line, t.text.clone())];
    }
    let mut out = Vec::new();
    let mut depth = 0;
    let mut item_start = true;
    for t in &toks[j..] {
        match t.text.as_str() {
            "{" => {
                depth += 1;
                if depth == 1 {
                    item_start = true;
                    continue;
                }
            }
            "}" => {
                depth -= 1;
                if depth == 0 {
                    break;
                }
            }
            "," if depth == 1 => {
                item_start = true;
                continue;
            }
            _ => {}
        }
        if item_start && depth == 1 && t.text != "self" {
            out.push((t.line, t.text.clone()));
        }
        item_start = false;
    }
    out
}

pub struct Tok {
    pub text: String,
    pub line: usize,
}

pub fn tokens(code: &[u8]) -> Vec<Tok> {
    let mut out = Vec::new();
    let mut line = 1;
    let mut i = 0;
    while i < code.len() {
        let c = code[i];
        if c == b'\n' {
            line += 1;
            i += 1;
        } else if c.is_ascii_whitespace() {
            i += 1;
        } else if c.is_ascii_alphanumeric() || c == b'_' || c >= 0x80 {
            let s = i;
            while i < code.len()
                && (code[i].is_ascii_alphanumeric() || code[i] == b'_' || code[i] >= 0x80)
            {
                i += 1;
            }
            out.push(Tok {
                text: String::from_utf8_lossy(&code[s..i]).into_owned(),
                line,
            });
        } else if code[i..].starts_with(b"::") {
            out.push(Tok {
                text: "::".into(),
                line,
            });
            i += 2;
        } else {
            out.push(Tok {
                text: (c as char).to_string(),
                line,
            });
            i += 1;
        }
    }
    out
}

pub fn is_ident(c: u8) -> bool {
    c.is_ascii_alphanumeric() || c == b'_'
}

/// Comments, strings and character literals become spaces (newlines
/// kept, so lines still count).
pub fn blank_literals(src: &[u8]) -> Vec<u8> {
    let mut out = src.to_vec();
    let blank = |out: &mut Vec<u8>, from: usize, to: usize| {
        for b in &mut out[from..to.min(src.len())] {
            if *b != b'\n' {
                *b = b' ';
            }
        }
    };
    let mut i = 0;
    while i < src.len() {
        let rest = &src[i..];
        let prev_ident = i > 0 && is_ident(src[i - 1]);
        if rest.starts_with(b"//") {
            let end = rest
                .iter()
                .position(|&b| b == b'\n')
                .map_or(src.len(), |p| i + p);
            blank(&mut out, i, end);
            i = end;
        } else if rest.starts_with(b"/*") {
            let mut depth = 0;
            let mut j = i;
            while j < src.len() {
                if src[j..].starts_with(b"/*") {
                    depth += 1;
                    j += 2;
                } else if src[j..].starts_with(b"*/") {
                    depth -= 1;
                    j += 2;
                    if depth == 0 {
                        break;
                    }
                } else {
                    j += 1;
                }
            }
            blank(&mut out, i, j);
            i = j;
        } else if !prev_ident && (rest.starts_with(b"r\"") || rest.starts_with(b"r#")) {
            let hashes = rest[1..].iter().take_while(|&&b| b == b'#').count();
            if rest.get(1 + hashes) != Some(&b'"') {
                i += 1;
                continue;
            }
            let mut close = vec![b'"'];
            close.extend(std::iter::repeat_n(b'#', hashes));
            let body = i + 2 + hashes;
            let end = src[body..]
                .windows(close.len())
                .position(|w| w == close.as_slice())
                .map_or(src.len(), |p| body + p + close.len());
            blank(&mut out, i, end);
            i = end;
        } else if src[i] == b'"' {
            let mut j = i + 1;
            while j < src.len() && src[j] != b'"' {
                j += if src[j] == b'\\' { 2 } else { 1 };
            }
            blank(&mut out, i, j + 1);
            i = j + 1;
        } else if src[i] == b'\'' {
            // A character literal, or a lifetime (left as it is).
            let end = if rest.get(1) == Some(&b'\\') {
                src[i + 2..]
                    .iter()
                    .position(|&b| b == b'\'')
                    .map(|p| i + 2 + p + 1)
            } else {
                let width = rest.get(1).map_or(1, |&b| utf8_width(b));
                (rest.get(1 + width) == Some(&b'\'')).then_some(i + 2 + width)
            };
            match end {
                Some(e) => {
                    blank(&mut out, i, e);
                    i = e;
                }
                None => i += 1,
            }
        } else {
            i += 1;
        }
    }
    out
}

pub fn utf8_width(b: u8) -> usize {
    match b {
        0xF0.. => 4,
        0xE0.. => 3,
        0xC0.. => 2,
        _ => 1,
    }
}

/// Each item under `#[cfg(test)]` becomes spaces; the names of test
/// modules in their own files are returned.
pub fn blank_tests(mut code: Vec<u8>) -> (Vec<u8>, Vec<String>) {
    let mut mods = Vec::new();
    let attr = b"#[cfg(test)]";
    let mut from = 0;
    while let Some(p) = code[from..].windows(attr.len()).position(|w| w == attr) {
        let start = from + p;
        let mut i = start + attr.len();
        // Other attributes after it, then the item: to its `;` or the end
        // of its first block.
        let mut depth = 0i32;
        let mut end = code.len();
        while i < code.len() {
            match code[i] {
                b'(' | b'[' => depth += 1,
                b')' | b']' => depth -= 1,
                b';' if depth == 0 => {
                    end = i + 1;
                    break;
                }
                b'{' if depth == 0 => {
                    end = matching_brace(&code, i);
                    break;
                }
                _ => {}
            }
            i += 1;
        }
        let item = String::from_utf8_lossy(&code[start + attr.len()..end]).into_owned();
        let words: Vec<&str> = item
            .split(|c: char| !(c.is_alphanumeric() || c == '_' || c == ';'))
            .filter(|w| !w.is_empty())
            .collect();
        if let Some(k) = words.iter().position(|w| *w == "mod")
            && let Some(name) = words.get(k + 1)
            && let Some(name) = name.strip_suffix(';')
        {
            mods.push(name.to_string());
        }
        for b in &mut code[start..end] {
            if *b != b'\n' {
                *b = b' ';
            }
        }
        from = end;
    }
    (code, mods)
}

pub fn matching_brace(code: &[u8], open: usize) -> usize {
    let mut depth = 0;
    for (k, &b) in code.iter().enumerate().skip(open) {
        match b {
            b'{' => depth += 1,
            b'}' => {
                depth -= 1;
                if depth == 0 {
                    return k + 1;
                }
            }
            _ => {}
        }
    }
    code.len()
}

/// Every `.rs` file under `dir`, into `out`.
pub fn walk(dir: &std::path::Path, out: &mut Vec<std::path::PathBuf>) {
    for e in std::fs::read_dir(dir).unwrap() {
        let p = e.unwrap().path();
        if p.is_dir() {
            walk(&p, out);
        } else if p.extension().is_some_and(|x| x == "rs") {
            out.push(p);
        }
    }
}
