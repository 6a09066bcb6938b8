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
};

export type AccountKey = keyof typeof vi;

export function at(key: AccountKey, params?: Record<string, string | number>): string {
  const text = (locale.value === "en" ? en : vi)[key];
  return params ? format(text, params) : text;
}
