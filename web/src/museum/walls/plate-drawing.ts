// Draws one wall plate into its slot of the floor's texture: its ground, its text laid out to fit (wrapped, and
// made smaller where a language's words run long), and its drawing. Sizes are fractions of the slot, so a plate
// reads the same however finely its texture is drawn.
import type { PlateContent, PlateTheme } from './plates';
import { type Box, drawArrow, drawMotif } from './wall-drawings';
import { drawMap } from './wall-maps';

type Context = CanvasRenderingContext2D;

const FAMILY = 'system-ui, "Segoe UI", Roboto, sans-serif';

function setFont(context: Context, size: number, weight = 400): void {
  context.font = `${weight} ${Math.round(size)}px ${FAMILY}`;
}

/** The words of `text` in lines no wider than `width`, in the current font. */
function wrap(context: Context, text: string, width: number): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(/\s+/).filter(Boolean)) {
    const candidate = line ? `${line} ${word}` : word;
    if (line && context.measureText(candidate).width > width) {
      lines.push(line);
      line = word;
    } else line = candidate;
  }
  if (line) lines.push(line);
  return lines;
}

/**
 * Writes `text` in lines from (x, y) within `width` and at most `height`, starting at `size` and getting smaller
 * (to `smallest`) until it fits; what still does not fit ends with an ellipsis. Returns the height it took.
 */
function paragraph(
  context: Context,
  text: string,
  box: Box,
  size: number,
  options: { weight?: number; smallest?: number; colour: string; align?: 'left' | 'center' },
): number {
  let fontSize = size;
  let lines: string[] = [];
  const smallest = options.smallest ?? size * 0.7;
  for (; fontSize >= smallest; fontSize *= 0.92) {
    setFont(context, fontSize, options.weight);
    lines = wrap(context, text, box.width);
    if (
      lines.length * fontSize * 1.25 <= box.height &&
      lines.every((line) => context.measureText(line).width <= box.width)
    )
      break;
  }
  fontSize = Math.max(fontSize, smallest);
  setFont(context, fontSize, options.weight);
  lines = wrap(context, text, box.width);
  const fitting = Math.max(1, Math.floor(box.height / (fontSize * 1.25)));
  if (lines.length > fitting) {
    lines = lines.slice(0, fitting);
    lines[fitting - 1] = ellipsis(context, `${lines[fitting - 1]}…`, box.width);
  }
  context.fillStyle = options.colour;
  context.textBaseline = 'top';
  context.textAlign = options.align ?? 'left';
  const x = options.align === 'center' ? box.x + box.width / 2 : box.x;
  lines.forEach((line, index) => {
    context.fillText(ellipsis(context, line, box.width), x, box.y + index * fontSize * 1.25);
  });
  context.textAlign = 'left';
  return lines.length * fontSize * 1.25;
}

/** Shortens a line with an ellipsis until it fits. */
function ellipsis(context: Context, text: string, width: number): string {
  if (context.measureText(text).width <= width) return text;
  let shortened = text.replace(/…$/, '');
  while (shortened.length > 1 && context.measureText(`${shortened}…`).width > width)
    shortened = shortened.slice(0, -1);
  return `${shortened.trimEnd()}…`;
}

/** One line of text at `size`, made up to a third smaller to fit `box`'s width, then shortened. */
function fittedLine(context: Context, text: string, box: Box, size: number, weight: number): void {
  let fontSize = size;
  setFont(context, fontSize, weight);
  while (fontSize > size * 0.67 && context.measureText(text).width > box.width) {
    fontSize *= 0.94;
    setFont(context, fontSize, weight);
  }
  context.textBaseline = 'top';
  context.fillText(ellipsis(context, text, box.width), box.x, box.y);
}

function rule(
  context: Context,
  x: number,
  y: number,
  width: number,
  thickness: number,
  colour: string,
): void {
  context.fillStyle = colour;
  context.fillRect(x, y, width, thickness);
}

/** Draws `content` over `slot`, with `bleed` pixels of its ground around it against the neighbours' colours. */
export function drawPlate(
  context: Context,
  content: PlateContent,
  theme: PlateTheme,
  slot: Box,
  bleed: number,
): void {
  context.fillStyle = theme.ground;
  context.fillRect(slot.x - bleed, slot.y - bleed, slot.width + bleed * 2, slot.height + bleed * 2);
  const { width, height } = slot;
  const pad = Math.min(width, height) * 0.08;
  const inner: Box = { x: slot.x + pad, y: slot.y + pad, width: width - pad * 2, height: height - pad * 2 };
  switch (content.kind) {
    case 'title': {
      rule(context, inner.x, inner.y, Math.min(inner.width, height * 0.5), height * 0.025, theme.accent);
      const top = inner.y + height * 0.06;
      const used = paragraph(
        context,
        content.title,
        { ...inner, y: top, height: height * 0.5 },
        height * 0.3,
        {
          weight: 700,
          smallest: height * 0.15,
          colour: theme.ink,
        },
      );
      const summaryTop = top + used + height * 0.04;
      paragraph(
        context,
        content.summary,
        { ...inner, y: summaryTop, height: inner.y + inner.height - summaryTop },
        height * 0.14,
        { colour: theme.ink, smallest: height * 0.09 },
      );
      return;
    }
    case 'fact': {
      // The drawing takes a square at the left, no more than a third of the plate: the words need the rest.
      const drawing = Math.min(inner.height * 0.85, inner.width * 0.3);
      drawMotif(context, content.motif, { x: inner.x, y: inner.y, width: drawing, height: drawing }, theme);
      const text: Box = { ...inner, x: inner.x + drawing + pad, width: inner.width - drawing - pad };
      const used = paragraph(context, content.figure, { ...text, height: height * 0.42 }, height * 0.3, {
        weight: 800,
        smallest: height * 0.14,
        colour: theme.accent,
      });
      paragraph(
        context,
        content.text,
        { ...text, y: text.y + used + height * 0.02, height: text.height - used - height * 0.02 },
        height * 0.14,
        { colour: theme.ink, smallest: height * 0.08 },
      );
      return;
    }
    case 'timeline': {
      const headingSize = height * 0.1;
      setFont(context, headingSize, 700);
      context.fillStyle = theme.accent;
      context.textBaseline = 'top';
      context.fillText(content.heading.toUpperCase(), inner.x, inner.y);
      const lineY = inner.y + height * 0.2;
      rule(context, inner.x, lineY, inner.width, height * 0.018, theme.ink);
      const step = inner.width / Math.max(1, content.eras.length);
      content.eras.forEach((era, index) => {
        const x = inner.x + index * step;
        const column: Box = { x: x + step * 0.06, y: lineY + height * 0.08, width: step * 0.88, height: 0 };
        if (era.current) {
          context.fillStyle = theme.accent;
          context.globalAlpha = 0.18;
          context.fillRect(
            x,
            lineY - height * 0.06,
            step - pad * 0.3,
            inner.y + inner.height - lineY + height * 0.06,
          );
          context.globalAlpha = 1;
        }
        context.fillStyle = era.current ? theme.accent : theme.ink;
        context.beginPath();
        context.arc(
          column.x + height * 0.03,
          lineY + height * 0.009,
          height * (era.current ? 0.045 : 0.03),
          0,
          Math.PI * 2,
        );
        context.fill();
        const dates = paragraph(context, era.dates, { ...column, height: height * 0.32 }, height * 0.12, {
          weight: 700,
          smallest: height * 0.075,
          colour: era.current ? theme.accent : theme.ink,
        });
        paragraph(
          context,
          era.name,
          {
            ...column,
            y: column.y + dates + height * 0.02,
            height: inner.y + inner.height - column.y - dates,
          },
          height * 0.1,
          { colour: theme.ink, smallest: height * 0.07, weight: era.current ? 700 : 400 },
        );
      });
      return;
    }
    case 'map': {
      const headingSize = height * 0.085;
      paragraph(context, content.heading, { ...inner, height: headingSize * 1.3 }, headingSize, {
        weight: 700,
        colour: theme.ink,
      });
      const noteSize = height * 0.045;
      const drawingBox: Box = {
        x: inner.x,
        y: inner.y + headingSize * 1.5,
        width: inner.width,
        height: inner.height - headingSize * 1.5 - noteSize * 1.6,
      };
      drawMap(context, content.map, content.places, drawingBox, theme, height * 0.08);
      setFont(context, noteSize, 400);
      context.fillStyle = theme.ink;
      context.textBaseline = 'top';
      context.fillText(content.note, inner.x, inner.y + inner.height - noteSize * 1.2);
      return;
    }
    case 'list': {
      const headingSize = height * 0.1;
      setFont(context, headingSize, 700);
      context.fillStyle = theme.accent;
      context.textBaseline = 'top';
      context.fillText(content.heading.toUpperCase(), inner.x, inner.y);
      const columns = inner.width > inner.height * 2.2 && content.items.length > 3 ? 2 : 1;
      const rows = Math.ceil(content.items.length / columns);
      const top = inner.y + headingSize * 1.6;
      const rowHeight = (inner.y + inner.height - top) / Math.max(rows, 3);
      const columnWidth = inner.width / columns;
      content.items.forEach((item, index) => {
        const column = Math.floor(index / rows);
        const row = index % rows;
        const box: Box = {
          x: inner.x + column * columnWidth,
          y: top + row * rowHeight,
          width: columnWidth - pad,
          height: rowHeight,
        };
        rule(context, box.x, box.y, rowHeight * 0.06, rowHeight * 0.5, theme.accent);
        const text: Box = { ...box, x: box.x + rowHeight * 0.2, width: box.width - rowHeight * 0.2 };
        context.fillStyle = theme.ink;
        fittedLine(context, item.title, text, rowHeight * 0.4, 700);
        fittedLine(context, item.detail, { ...text, y: text.y + rowHeight * 0.47 }, rowHeight * 0.3, 400);
      });
      return;
    }
    case 'sign': {
      const line = (height - pad * 2) / Math.max(1, content.entries.length);
      content.entries.forEach((entry, index) => {
        const y = slot.y + pad + index * line;
        drawArrow(
          context,
          entry.arrow,
          { x: inner.x, y: y + line * 0.1, width: line * 0.8, height: line * 0.8 },
          theme.accent,
        );
        setFont(context, line * 0.52, 600);
        context.fillStyle = theme.ink;
        context.textBaseline = 'middle';
        const x = inner.x + line * 1.1;
        context.fillText(ellipsis(context, entry.name, inner.x + inner.width - x), x, y + line / 2);
        if (index > 0) rule(context, x, y, inner.x + inner.width - x, Math.max(1, line * 0.02), theme.accent);
      });
      return;
    }
    case 'directory': {
      const unit = width * 0.075;
      let y = inner.y;
      setFont(context, unit * 0.8, 700);
      context.fillStyle = theme.accent;
      context.textBaseline = 'top';
      context.fillText(content.heading.toUpperCase(), inner.x, y);
      y += unit * 1.2;
      y += paragraph(context, content.floor, { ...inner, y, height: unit * 3 }, unit * 1.2, {
        weight: 700,
        colour: theme.ink,
      });
      y += unit * 0.4;
      for (const room of content.rooms) {
        rule(context, inner.x, y + unit * 0.3, unit * 0.3, unit * 0.3, theme.accent);
        y += paragraph(
          context,
          room,
          { ...inner, x: inner.x + unit * 0.6, width: inner.width - unit * 0.6, y, height: unit * 2.1 },
          unit * 0.9,
          {
            colour: theme.ink,
            smallest: unit * 0.7,
          },
        );
        y += unit * 0.2;
      }
      y += unit * 0.4;
      rule(context, inner.x, y, inner.width, Math.max(1, unit * 0.06), theme.accent);
      y += unit * 0.5;
      setFont(context, unit * 0.8, 700);
      context.fillStyle = theme.accent;
      context.fillText(content.otherFloorsHeading.toUpperCase(), inner.x, y);
      y += unit * 1.2;
      for (const floor of content.otherFloors) {
        y += paragraph(context, floor, { ...inner, y, height: unit * 2.1 }, unit * 0.85, {
          colour: theme.ink,
          smallest: unit * 0.7,
        });
        y += unit * 0.15;
      }
      return;
    }
    case 'floor-name':
      paragraph(
        context,
        content.text,
        { ...inner, y: slot.y + height * 0.2, height: height * 0.7 },
        height * 0.48,
        {
          weight: 700,
          smallest: height * 0.3,
          colour: theme.ink,
          align: 'center',
        },
      );
      return;
  }
}
