import { PLACEHOLDER_LINK_HOST } from './engine';

/**
 * The starter templates that ship with the extension, in English and
 * Traditional Chinese, written for a café, bakery or small shop. Alternatives
 * keep replies from reading as copies. Links point at PLACEHOLDER_LINK_HOST:
 * the editor and the picker show them as errors until the user puts in their
 * own page, so an example link never reaches a customer.
 *
 * Ids are stable (`starter-<lang>-<slug>`), so restoring brings back the same
 * templates and their usage counts, and sync matches them across browsers.
 */

export interface StarterTemplate {
  id: string;
  name: string;
  body: string;
  category: string;
  language: 'en' | 'zh-TW';
  shortCode: string;
}

const link = (path: string) => `{link:https://${PLACEHOLDER_LINK_HOST}/${path}}`;

const EN: Array<Omit<StarterTemplate, 'id' | 'language'> & { slug: string }> = [
  {
    slug: 'thanks',
    name: 'Thanks for the love',
    category: 'thanks',
    shortCode: 'thanks',
    body: '{Thanks so much|Thank you so much|Many thanks}, {first_name}! {We’re so glad you enjoyed it|That really made our day|It means a lot to the whole team} ☺️',
  },
  {
    slug: 'photo',
    name: 'Thanks for the photo',
    category: 'thanks',
    shortCode: 'photo',
    body: '{What a lovely photo|Love this shot|This looks amazing}, {first_name}! {Thanks for sharing it with us|Thanks for tagging us} 📸',
  },
  {
    slug: 'visit',
    name: 'Thanks for visiting',
    category: 'thanks',
    shortCode: 'visit',
    body: '{Thank you|Thanks} for coming in, {first_name}! {Hope to see you again soon|See you next time|Come back and say hi soon}.\n— {my_name}',
  },
  {
    slug: 'welcome',
    name: 'Welcome a new follower',
    category: 'welcome',
    shortCode: 'welcome',
    body: 'Welcome, {first_name}! {So happy to have you here|Glad you found us}. {Tell us what you’d like to see next|Let us know your favourite} ☕',
  },
  {
    slug: 'dm',
    name: 'Answered by private message',
    category: 'question',
    shortCode: 'dm',
    body: 'Hi {first_name}, {thanks for asking|great question}! I’ve just sent you a private message with the details. {Let me know if it didn’t come through|Check your inbox when you have a moment}.\n— {my_name}',
  },
  {
    slug: 'sorry',
    name: 'Sorry, we’ll make it right',
    category: 'complaint',
    shortCode: 'sorry',
    body: 'Hi {first_name}, I’m really sorry to hear this. {That’s not the experience we want you to have|That isn’t up to our standard}. Could you send us a private message with your order number? We’ll make it right.\n— {my_name}',
  },
  {
    slug: 'late',
    name: 'Order running late',
    category: 'complaint',
    shortCode: 'late',
    body: 'Hi {first_name}, {I’m so sorry|sorry} your order is taking longer than it should. Please send us your order number in a private message and I’ll check on it right away.\n— {my_name}',
  },
  {
    slug: 'price',
    name: 'Price enquiry',
    category: 'price',
    shortCode: 'price',
    body: `Hi {first_name}, {thanks for asking|great question}! All our current items and prices are here: ${link('menu')}\n{Happy to help with anything else|Let us know if you have any other questions}.`,
  },
  {
    slug: 'shipping',
    name: 'Shipping and delivery',
    category: 'shipping',
    shortCode: 'shipping',
    body: `Hi {first_name}! Delivery options and times are all on this page: ${link('shipping')}\nIf it’s urgent, send us a message and we’ll do our best.`,
  },
  {
    slug: 'restock',
    name: 'Sold out, restock coming',
    category: 'restock',
    shortCode: 'restock',
    body: `Hi {first_name}, {sorry|so sorry} — that one sold out fast! We’ll announce it here as soon as it’s back: ${link('new')}\nThanks for your patience 🙏`,
  },
  {
    slug: 'booking',
    name: 'Table booking',
    category: 'booking',
    shortCode: 'book',
    body: `Hi {first_name}, {we’d love to have you|can’t wait to see you}! You can book a table here: ${link('booking')}\nFor larger groups, send us a message and we’ll sort it out.`,
  },
  {
    slug: 'hours',
    name: 'Opening hours',
    category: 'hours',
    shortCode: 'hours',
    body: `Hi {first_name}! Our opening hours are here: ${link('hours')}\n{See you soon|Hope to see you soon}!`,
  },
  {
    slug: 'location',
    name: 'How to find us',
    category: 'location',
    shortCode: 'where',
    body: `Hi {first_name}, here’s where to find us and how to get there: ${link('visit')}\n{See you soon|Safe travels}!`,
  },
];

const ZH: Array<Omit<StarterTemplate, 'id' | 'language'> & { slug: string }> = [
  {
    slug: 'thanks',
    name: '謝謝支持',
    category: 'thanks',
    shortCode: '謝謝',
    body: '{謝謝|感謝|非常感謝}{first_name}的支持！{看到你喜歡真的超開心|這句話讓我們開心一整天|我們會繼續努力的} ☺️',
  },
  {
    slug: 'photo',
    name: '謝謝分享照片',
    category: 'thanks',
    shortCode: '照片',
    body: '{好美的照片|拍得好好看|也太好看}！謝謝{first_name}{的分享|幫我們拍得這麼美} 📸',
  },
  {
    slug: 'visit',
    name: '謝謝光臨',
    category: 'thanks',
    shortCode: '光臨',
    body: '謝謝{first_name}來店裡！{期待下次再見|下次再來坐坐喔|有空再來找我們}～\n— {my_name}',
  },
  {
    slug: 'welcome',
    name: '歡迎新朋友',
    category: 'welcome',
    shortCode: '歡迎',
    body: '歡迎{first_name}！{很高興認識你|謝謝你發現我們}，想看什麼新品都可以留言告訴我們 ☕',
  },
  {
    slug: 'dm',
    name: '已私訊回覆',
    category: 'question',
    shortCode: '私訊',
    body: '{first_name}你好，{謝謝詢問|感謝你的提問}！詳細資訊已經私訊給你了，{再麻煩查收一下|有任何問題都可以直接回覆我}喔！\n— {my_name}',
  },
  {
    slug: 'sorry',
    name: '抱歉，我們會處理',
    category: 'complaint',
    shortCode: '抱歉',
    body: '{first_name}你好，真的很抱歉讓你有不好的體驗。{這不是我們希望帶給你的感受|我們非常重視這個問題}，可以私訊提供訂單編號嗎？我們會盡快處理。\n— {my_name}',
  },
  {
    slug: 'late',
    name: '訂單延遲',
    category: 'complaint',
    shortCode: '延遲',
    body: '{first_name}你好，{很抱歉|真的不好意思}讓你久等了！麻煩私訊我們訂單編號，我馬上幫你確認進度。\n— {my_name}',
  },
  {
    slug: 'price',
    name: '價格詢問',
    category: 'price',
    shortCode: '價格',
    body: `{first_name}你好，{謝謝詢問|感謝你的詢問}！目前的品項和價格都在這裡：${link('menu')}\n{有其他問題歡迎再問我們喔|還有想知道的都可以留言}～`,
  },
  {
    slug: 'shipping',
    name: '運送與配送',
    category: 'shipping',
    shortCode: '運送',
    body: `{first_name}你好！配送方式和時間都整理在這裡：${link('shipping')}\n如果比較急，可以私訊我們，我們會盡量幫忙安排。`,
  },
  {
    slug: 'restock',
    name: '售完補貨中',
    category: 'restock',
    shortCode: '補貨',
    body: `{first_name}你好，{不好意思|抱歉}這款已經賣完了😢 補貨時會第一時間公告在這裡：${link('new')}\n謝謝你的耐心等候！`,
  },
  {
    slug: 'booking',
    name: '訂位',
    category: 'booking',
    shortCode: '訂位',
    body: `{first_name}你好，{歡迎來坐坐|很期待你的光臨}！可以直接在這裡訂位：${link('booking')}\n人數比較多的話，再私訊我們幫你安排喔。`,
  },
  {
    slug: 'hours',
    name: '營業時間',
    category: 'hours',
    shortCode: '營業',
    body: `{first_name}你好！營業時間都在這裡：${link('hours')}\n{期待見到你|等你來喔}！`,
  },
  {
    slug: 'location',
    name: '店面位置',
    category: 'location',
    shortCode: '地址',
    body: `{first_name}你好，店面位置和交通方式在這裡：${link('visit')}\n{路上小心|期待見到你}～`,
  },
];

export const STARTER_TEMPLATES: StarterTemplate[] = [
  ...EN.map(({ slug, ...t }) => ({ ...t, id: `starter-en-${slug}`, language: 'en' as const })),
  ...ZH.map(({ slug, ...t }) => ({ ...t, id: `starter-zh-TW-${slug}`, language: 'zh-TW' as const })),
];

export function starterTemplates(languages: ReadonlyArray<'en' | 'zh-TW'>): StarterTemplate[] {
  return STARTER_TEMPLATES.filter((t) => languages.includes(t.language));
}
