use super::*;

fn sample() -> Doc {
    let mut d = Doc::default();
    d.banner(Inline::strong("REHEARSAL"));
    d.heading(1, "Title");
    d.item("one");
    d.sub(Inline::text("nested ").then(Span::Code("code".into())));
    d.check(true, "done");
    d.check(false, "not");
    d.heading(2, "Vitals");
    d.table(
        vec!["a".into(), "b".into()],
        vec![vec!["1".into(), "2".into()]],
    );
    d.para(
        Inline::text("text ")
            .then(Inline::struck("old"))
            .then(" new"),
    );
    d
}

#[test]
fn markdown_has_each_block_one_blank_line_apart() {
    assert_eq!(
        sample().markdown(),
        "> **REHEARSAL**\n\n# Title\n\n- one\n  - nested `code`\n- [x] done\n- [ ] not\n\n\
         ## Vitals\n\n| a | b |\n|---|---|\n| 1 | 2 |\n\ntext ~~old~~ new\n"
    );
}

#[test]
fn html_has_the_same_blocks() {
    let h = sample().html(1);
    assert!(
        h.contains("<p class=\"banner\"><strong>REHEARSAL</strong></p>"),
        "{h}"
    );
    assert!(h.contains("<h2>Title</h2>"), "{h}");
    assert!(h.contains("<h3>Vitals</h3>"), "{h}");
    assert!(
        h.contains("<li>one<ul>\n<li>nested <code>code</code></li></ul>\n</li>"),
        "{h}"
    );
    assert!(h.contains("☑</span> done"), "{h}");
    assert!(h.contains("☐</span> not"), "{h}");
    assert!(
        h.contains("<thead><tr><th>a</th><th>b</th></tr></thead>"),
        "{h}"
    );
    assert!(h.contains("<tr><td>1</td><td>2</td></tr>"), "{h}");
    assert!(h.contains("<p>text <s>old</s> new</p>"), "{h}");
    assert_eq!(h.matches("<ul>").count(), h.matches("</ul>").count(), "{h}");
}

#[test]
fn typed_text_reads_as_written_and_never_as_markup() {
    let typed = "<script>alert('x')</script> | **not bold** \\ `tick` #1 [x] ~~no~~";
    let mut d = Doc::default();
    d.item(format!("note: {typed}"));
    d.table(vec![typed.into(), "x".into()], vec![]);
    let h = d.html(0);
    assert!(!h.contains("<script"), "{h}");
    assert!(
        !h.contains("<strong>") && !h.contains("<code>") && !h.contains("<s>"),
        "{h}"
    );
    assert!(
        h.contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; | **not bold** \\ `tick` #1"),
        "{h}"
    );
    // The typed pipe stays inside its cell: two head cells.
    assert_eq!(h.matches("<th>").count(), 2, "{h}");
    let md = d.markdown();
    assert!(md.contains("\\*\\*not bold\\*\\*"), "{md}");
    assert!(md.contains("\\|"), "{md}");
    assert!(md.contains("\\[x\\] \\~\\~no\\~\\~"), "{md}");
    // The typed pipe is escaped: the head row has three bare pipes, two
    // cells.
    let head = md.lines().find(|l| l.starts_with('|')).unwrap_or_default();
    assert_eq!(head.replace("\\|", "").matches('|').count(), 3, "{md}");
}

#[test]
fn a_span_goes_where_its_mark_is_in_a_message() {
    let message = format!(
        "the hash is {} and the entry {}.",
        Inline::slot(0),
        Inline::slot(1)
    );
    let i = Inline::fill(
        &message,
        vec![
            Span::Code("ab12".into()),
            Span::Strong(vec![Span::Text("7".into())]),
        ],
    );
    assert_eq!(
        i.0,
        vec![
            Span::Text("the hash is ".into()),
            Span::Code("ab12".into()),
            Span::Text(" and the entry ".into()),
            Span::Strong(vec![Span::Text("7".into())]),
            Span::Text(".".into()),
        ]
    );
    assert_eq!(i.plain(), "the hash is ab12 and the entry 7.");
}

#[test]
fn a_sub_item_with_no_list_before_it_is_an_item() {
    let mut d = Doc::default();
    d.para("p");
    d.sub("alone");
    assert_eq!(d.markdown(), "p\n\n- alone\n");
}

#[test]
fn a_line_break_typed_into_an_answer_reads_the_same_in_both() {
    let mut d = Doc::default();
    d.item("Saw the kitchen.\nFelt held.");
    assert!(d.markdown().contains("Saw the kitchen. / Felt held."));
    assert!(d.html(0).contains("Saw the kitchen. / Felt held."));
}
