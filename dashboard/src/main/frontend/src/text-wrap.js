// Breaking a text into lines of a given width, for texts drawn on a canvas (chart labels, a downloaded image's caption).

/** The lines of text broken at spaces to fit maxWidth, measure(text) giving a width (a word longer than a line is cut). */
export function wrapText(text, maxWidth, measure) {
    const lines = [];
    let line = '';
    for (const word of String(text).split(' ')) {
        let rest = word;
        while (measure(rest) > maxWidth && rest.length > 1) {
            if (line) {
                lines.push(line);
                line = '';
            }
            let cut = rest.length - 1;
            while (cut > 1 && measure(rest.slice(0, cut)) > maxWidth) {
                cut -= 1;
            }
            lines.push(rest.slice(0, cut));
            rest = rest.slice(cut);
        }
        const candidate = line ? `${line} ${rest}` : rest;
        if (line && measure(candidate) > maxWidth) {
            lines.push(line);
            line = rest;
        }
        else {
            line = candidate;
        }
    }
    if (line) {
        lines.push(line);
    }
    return lines;
}
