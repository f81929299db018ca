import { fireEvent, screen } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import type { TemplateView } from '@/lib/messaging/protocol';
import { renderTemplate } from '@/lib/templates/engine';
import { renderWithI18n } from '@/test/i18n';
import { ReplyPicker, type ReplyPickerProps } from './ReplyPicker';

function template(id: string, over: Partial<TemplateView> = {}): TemplateView {
  return {
    id,
    name: `Template ${id}`,
    body: `Body ${id}`,
    category: 'thanks',
    language: 'en',
    platforms: [],
    shortCode: null,
    builtIn: false,
    createdAt: 0,
    updatedAt: 0,
    useCount: 0,
    lastUsedAt: null,
    ...over,
  };
}

const TEMPLATES = [
  template('thanks', { name: 'Thank you', body: '{Thanks|Thank you} {first_name}!\nSee you soon', shortCode: 'thanks' }),
  template('price', { name: 'Price enquiry', body: 'Hi {first_name}, the price is NT$380.', category: 'price', shortCode: 'price' }),
  template('broken', { name: 'Broken one', body: 'Hi {nickname}, thanks!' }),
];

function props(over: Partial<ReplyPickerProps> = {}): ReplyPickerProps {
  return {
    comment: { authorName: 'Sophie Chan', text: 'Are you open on Lunar New Year?' },
    templates: TEMPLATES,
    allLanguages: false,
    error: null,
    render: (tpl, seed) => renderTemplate(tpl.body, { name: 'Sophie Chan', first_name: 'Sophie', platform: 'Facebook' }, { seed }),
    busy: false,
    result: null,
    onInsert: vi.fn(),
    onClose: vi.fn(),
    ...over,
  };
}

const options = () => screen.getAllByRole('option');
const selected = () => options().find((o) => o.getAttribute('aria-selected') === 'true');

describe('ReplyPicker', () => {
  it('is driven by the keyboard: arrows move, Enter opens the draft, Ctrl+Enter inserts it, Esc goes back and closes', () => {
    const p = props();
    renderWithI18n(<ReplyPicker {...p} />);
    const search = screen.getByRole('combobox');
    expect(search).toHaveFocus();
    expect(screen.getByRole('dialog')).toHaveAccessibleName('Reply to Sophie Chan');
    expect(selected()).toHaveTextContent('Thank you');
    fireEvent.keyDown(search, { key: 'ArrowDown' });
    fireEvent.keyDown(search, { key: 'ArrowDown' });
    fireEvent.keyDown(search, { key: 'ArrowDown' }); // stays on the last
    expect(selected()).toHaveTextContent('Broken one');
    fireEvent.keyDown(search, { key: 'ArrowUp' });
    expect(selected()).toHaveTextContent('Price enquiry');
    expect(search).toHaveAttribute('aria-activedescendant', 'sd-tpl-price');
    fireEvent.keyDown(search, { key: 'Enter' });

    const draft = screen.getByTestId('draft');
    expect(draft).toHaveFocus();
    expect(draft).toHaveValue('Hi Sophie, the price is NT$380.');
    fireEvent.change(draft, { target: { value: 'Hi Sophie, the price is NT$380.\nShipping is free.' } });
    fireEvent.keyDown(draft, { key: 'Enter', ctrlKey: true });
    expect(p.onInsert).toHaveBeenCalledWith(TEMPLATES[1], 'Hi Sophie, the price is NT$380.\nShipping is free.');

    fireEvent.keyDown(draft, { key: 'Escape' });
    expect(screen.getByRole('combobox')).toHaveFocus();
    fireEvent.keyDown(screen.getByRole('combobox'), { key: 'Escape' });
    expect(p.onClose).toHaveBeenCalled();
  });

  it('searches names, bodies, categories and short codes', () => {
    renderWithI18n(<ReplyPicker {...props()} />);
    fireEvent.change(screen.getByRole('combobox'), { target: { value: '/price' } });
    expect(options().map((o) => o.id)).toEqual(['sd-tpl-price']);
    fireEvent.change(screen.getByRole('combobox'), { target: { value: 'see you' } });
    expect(options().map((o) => o.id)).toEqual(['sd-tpl-thanks']);
    fireEvent.change(screen.getByRole('combobox'), { target: { value: 'nothing like this' } });
    expect(screen.queryAllByRole('option')).toHaveLength(0);
    expect(screen.getByText('No template matches your search.')).toBeInTheDocument();
  });

  it('shows a template’s errors and inserts only once the user has checked the draft', () => {
    const p = props();
    renderWithI18n(<ReplyPicker {...p} />);
    fireEvent.click(screen.getByText('Broken one'));
    expect(screen.getByTestId('draft-errors')).toHaveTextContent('Unknown variable {nickname}: it is left out of the draft.');
    expect(screen.getByTestId('draft')).not.toHaveValue(expect.stringContaining('{'));
    const insert = screen.getByTestId('insert-draft');
    expect(insert).toBeDisabled();
    fireEvent.keyDown(screen.getByTestId('draft'), { key: 'Enter', ctrlKey: true });
    expect(p.onInsert).not.toHaveBeenCalled();
    fireEvent.change(screen.getByTestId('draft'), { target: { value: 'Hi Sophie, thanks!' } });
    expect(insert).toBeEnabled();
    fireEvent.click(insert);
    expect(p.onInsert).toHaveBeenCalledWith(TEMPLATES[2], 'Hi Sophie, thanks!');
  });

  it('opens on the template of a typed short code, with other wordings to pick from', () => {
    renderWithI18n(<ReplyPicker {...props({ initialTemplateId: 'thanks', initialQuery: '/thanks' })} />);
    const first = (screen.getByTestId('draft') as HTMLTextAreaElement).value;
    expect(first).toMatch(/^(Thanks|Thank you) Sophie!\nSee you soon$/);
    const seen = new Set([first]);
    for (let i = 0; i < 6; i++) {
      fireEvent.click(screen.getByRole('button', { name: 'Other wording' }));
      seen.add((screen.getByTestId('draft') as HTMLTextAreaElement).value);
    }
    expect(seen.size).toBe(2);
  });

  it('says when the draft went to the clipboard, or offers it to copy by hand', () => {
    const copied = renderWithI18n(<ReplyPicker {...props({ result: { kind: 'copied', draft: 'Hi' } })} />);
    expect(screen.getByTestId('picker-result')).toHaveTextContent('the draft is copied');
    copied.unmount();
    renderWithI18n(<ReplyPicker {...props({ result: { kind: 'failed', draft: 'Hi there' } })} />);
    expect(screen.getByTestId('picker-result').querySelector('textarea')).toHaveValue('Hi there');
  });

  it('explains an empty list, loading, and a list in every language', () => {
    const loading = renderWithI18n(<ReplyPicker {...props({ templates: null })} />);
    expect(screen.getByText('Loading templates…')).toBeInTheDocument();
    loading.unmount();
    const empty = renderWithI18n(<ReplyPicker {...props({ templates: [] })} />);
    expect(screen.getByText(/No templates yet/)).toBeInTheDocument();
    empty.unmount();
    renderWithI18n(<ReplyPicker {...props({ allLanguages: true })} />);
    expect(screen.getByText(/showing every language/)).toBeInTheDocument();
  });

  it('renders comment text as text', () => {
    const { container } = renderWithI18n(<ReplyPicker {...props({ comment: { authorName: 'X', text: '<img src=x onerror="window.pwned=1">' } })} />);
    expect(container.querySelector('img')).toBeNull();
    expect(screen.getByText('<img src=x onerror="window.pwned=1">')).toBeInTheDocument();
  });
});
