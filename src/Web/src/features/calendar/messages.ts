import { format, locale } from "../../app/i18n";

/** The calendar page's texts, in its own lazy chunk (the first screen's bytes stay as they were). */
const vi = {
  "calendar.title": "Lịch lớp học trên điện thoại",
  "calendar.intro": "Thêm các buổi học của bạn vào ứng dụng lịch trên điện thoại hoặc máy tính (Google Lịch, Lịch của iPhone, Outlook). Lịch tự cập nhật khi buổi học đổi giờ hoặc bị hủy.",
  "calendar.none": "Bạn chưa tạo đường dẫn lịch.",
  "calendar.since": "Đường dẫn lịch của bạn được tạo lúc {at}.",
  "calendar.agree": "Tôi hiểu rằng ai có đường dẫn này đều xem được lịch lớp học của tôi.",
  "calendar.create": "Tạo đường dẫn lịch",
  "calendar.replace": "Tạo đường dẫn mới",
  "calendar.replaceHint": "Tạo đường dẫn mới thì đường dẫn cũ thôi dùng được. Bạn chỉ xem được đường dẫn một lần, ngay khi tạo.",
  "calendar.revoke": "Thu hồi đường dẫn",
  "calendar.revokeConfirm": "Thu hồi đường dẫn lịch? Ứng dụng lịch sẽ không đọc được lịch lớp của bạn nữa.",
  "calendar.url": "Đường dẫn lịch của bạn",
  "calendar.copy": "Sao chép",
  "calendar.copied": "Đã sao chép. Dán đường dẫn vào mục \"Thêm lịch từ URL\" của ứng dụng lịch.",
  "calendar.once": "Đường dẫn chỉ hiện lần này: hãy sao chép hoặc mở bằng ứng dụng lịch ngay.",
  "calendar.open": "Mở bằng ứng dụng lịch",
};

const en: Record<keyof typeof vi, string> = {
  "calendar.title": "Class calendar on your phone",
  "calendar.intro": "Add your class sessions to the calendar app on your phone or computer (Google Calendar, iPhone Calendar, Outlook). It updates itself when a session moves or is cancelled.",
  "calendar.none": "You have no calendar address yet.",
  "calendar.since": "Your calendar address was made at {at}.",
  "calendar.agree": "I understand that anyone with this address can see my classes.",
  "calendar.create": "Make a calendar address",
  "calendar.replace": "Make a new address",
  "calendar.replaceHint": "A new address stops the old one. You can see an address only once, when it is made.",
  "calendar.revoke": "Revoke the address",
  "calendar.revokeConfirm": "Revoke the calendar address? Calendar apps will no longer read your classes.",
  "calendar.url": "Your calendar address",
  "calendar.copy": "Copy",
  "calendar.copied": "Copied. Paste it under \"Add calendar from URL\" in your calendar app.",
  "calendar.once": "The address is shown only now: copy it or open it in your calendar app.",
  "calendar.open": "Open in a calendar app",
};

export function ct(key: keyof typeof vi, params?: Record<string, string | number>): string {
  const text = (locale.value === "en" ? en : vi)[key];
  return params ? format(text, params) : text;
}
