import { format, locale } from "../../app/i18n";

/** The account screens' texts (joining a unit, contact, recovery), in their own lazy chunk. */
const vi = {
  "join.title": "Hoặc xin đơn vị nhận bạn",
  "join.intro": "Chưa có mã? Chọn đơn vị (phường, xã, chi hội) nơi bạn sinh hoạt và gửi yêu cầu. Cán bộ đơn vị sẽ duyệt: nhận bạn là hội viên họ đã có, hoặc là hội viên mới.",
  "join.search": "Tên đơn vị",
  "join.find": "Tìm đơn vị",
  "join.units": "Chọn đơn vị",
  "join.noUnits": "Không tìm thấy đơn vị nào với tên này.",
  "join.fullName": "Họ và tên",
  "join.birthYear": "Năm sinh (không bắt buộc)",
  "join.send": "Gửi yêu cầu",
  "join.waiting": "Yêu cầu gia nhập {unit} của bạn đang chờ duyệt (gửi lúc {at}).",
  "join.withdraw": "Rút lại yêu cầu",
  "join.withdrawn": "Bạn đã rút lại yêu cầu gia nhập {unit}.",
  "join.rejected": "{unit} đã từ chối yêu cầu của bạn.",
  "join.reason": "Lý do: {reason}",
  "join.again": "Bạn có thể gửi lại yêu cầu (có thể cho đơn vị khác).",
  "join.member": "Bạn đã là hội viên: {name}.",
  "join.record": "Xem hồ sơ học tập",
  "contact.title": "Số điện thoại và e-mail",
  "contact.intro": "Chỉ bạn thấy số điện thoại và e-mail của mình; cán bộ đơn vị không thấy. Khi mất thiết bị, bạn lấy lại tài khoản bằng mã gửi đến đây.",
  "contact.phone": "Số điện thoại: {value}",
  "contact.email": "E-mail: {value}",
  "contact.none": "Bạn chưa có số điện thoại hay e-mail nào trong hồ sơ.",
  "contact.removePhone": "Xóa số điện thoại",
  "contact.removeEmail": "Xóa e-mail",
  "contact.change": "Thêm hoặc đổi",
  "contact.address": "Số điện thoại hoặc e-mail mới",
  "contact.send": "Gửi mã đến địa chỉ mới",
  "contact.sent": "Đã gửi mã đến {to}. Mã có hiệu lực đến {at}.",
  "contact.code": "Mã 6 chữ số",
  "contact.confirm": "Xác nhận",
  "contact.saved": "Đã lưu.",
};

const en: Record<keyof typeof vi, string> = {
  "join.title": "Or ask a unit to take you in",
  "join.intro": "No code? Choose the unit (ward, commune, branch) where you take part and send a request. Its official will approve it: as a member they already hold, or as a new member.",
  "join.search": "Unit name",
  "join.find": "Find units",
  "join.units": "Choose a unit",
  "join.noUnits": "No unit has this name.",
  "join.fullName": "Full name",
  "join.birthYear": "Year of birth (optional)",
  "join.send": "Send the request",
  "join.waiting": "Your request to join {unit} is waiting for approval (sent {at}).",
  "join.withdraw": "Withdraw the request",
  "join.withdrawn": "You withdrew your request to join {unit}.",
  "join.rejected": "{unit} refused your request.",
  "join.reason": "Reason: {reason}",
  "join.again": "You may send a new request (to another unit too).",
  "join.member": "You are a member: {name}.",
  "join.record": "See your learning record",
  "contact.title": "Phone and e-mail",
  "contact.intro": "Only you see your phone and e-mail; your unit's officials do not. If you lose your device, you get your account back with a code sent here.",
  "contact.phone": "Phone: {value}",
  "contact.email": "E-mail: {value}",
  "contact.none": "You have no phone or e-mail on file.",
  "contact.removePhone": "Remove the phone",
  "contact.removeEmail": "Remove the e-mail",
  "contact.change": "Add or change",
  "contact.address": "New phone or e-mail",
  "contact.send": "Send a code to the new address",
  "contact.sent": "A code was sent to {to}. It works until {at}.",
  "contact.code": "6-digit code",
  "contact.confirm": "Confirm",
  "contact.saved": "Saved.",
};

export type AccountKey = keyof typeof vi;

export function at(key: AccountKey, params?: Record<string, string | number>): string {
  const text = (locale.value === "en" ? en : vi)[key];
  return params ? format(text, params) : text;
}
