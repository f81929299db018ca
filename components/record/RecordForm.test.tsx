import { fireEvent, screen, waitFor } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { renderWithI18n } from '@/test/i18n';
import { RecordForm } from './RecordForm';

const initial = { mode: 'inspiration' as const, url: 'https://blog.example.tw/p/1', source: 'Example blog', text: '手沖咖啡豆' };

describe('RecordForm', () => {
  it('saves a page as inspiration with its tags', async () => {
    const onSubmit = vi.fn(async () => undefined);
    renderWithI18n(<RecordForm initial={initial} now={Date.UTC(2026, 10, 27)} onSubmit={onSubmit} onClose={vi.fn()} />);
    fireEvent.change(screen.getByLabelText('Tags'), { target: { value: 'coffee, 手沖，promo' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save' }));
    await waitFor(() => expect(screen.getByRole('status')).toHaveTextContent('Saved to your inspiration library.'));
    expect(onSubmit).toHaveBeenCalledWith(expect.objectContaining({ mode: 'inspiration', url: initial.url, text: '手沖咖啡豆', tags: ['coffee', '手沖', 'promo'] }));
  });

  it('records an interaction with who and what', async () => {
    const onSubmit = vi.fn(async () => undefined);
    renderWithI18n(<RecordForm initial={{ ...initial, mode: 'interaction', text: '' }} now={Date.UTC(2026, 10, 27)} onSubmit={onSubmit} onClose={vi.fn()} />, 'zh_TW');
    fireEvent.change(screen.getByLabelText('對象'), { target: { value: 'Ka Ming' } });
    fireEvent.change(screen.getByLabelText('內容'), { target: { value: '幾錢？' } });
    fireEvent.change(screen.getByLabelText('類型'), { target: { value: 'mention' } });
    fireEvent.click(screen.getByRole('button', { name: '儲存' }));
    await waitFor(() => expect(onSubmit).toHaveBeenCalled());
    expect(onSubmit).toHaveBeenCalledWith(expect.objectContaining({ mode: 'interaction', kind: 'mention', actorName: 'Ka Ming', text: '幾錢？' }));
  });

  it('refuses an address that is not http(s) and shows why a save failed', async () => {
    const onSubmit = vi.fn(async () => {
      throw new Error('disk full');
    });
    renderWithI18n(<RecordForm initial={{ ...initial, url: 'javascript:alert(1)' }} now={0} onSubmit={onSubmit} onClose={vi.fn()} />);
    expect(screen.getByRole('alert')).toHaveTextContent('Enter an address starting with http');
    expect(screen.getByRole('button', { name: 'Save' })).toBeDisabled();
    fireEvent.change(screen.getByLabelText('Address'), { target: { value: 'https://ok.example/' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save' }));
    await waitFor(() => expect(screen.getByRole('alert')).toHaveTextContent('disk full'));
  });
});
