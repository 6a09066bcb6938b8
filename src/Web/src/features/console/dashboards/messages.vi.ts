// The dashboards, Vietnamese (loaded with that screen only). `messages.en.ts` has the same keys.
export const dvi = {
  "dash.title": "Biểu đồ",
  "dash.unit": "Đơn vị của tôi",
  "dash.within": "Trong cây",
  "dash.whole": "Cả cây",
  "dash.asOf": "Tính đến ngày",
  "dash.members.title": "Hội viên và đơn vị theo thời gian",
  "dash.members.caption": "Hội viên và đơn vị của {unit} vào cuối mỗi tháng, đến {date}",
  "dash.month": "Tháng",
  "dash.members": "Hội viên",
  "dash.units": "Đơn vị cấp dưới",
  "dash.kinds": "Theo loại",
  "dash.none": "chưa có",
  "dash.hours.title": "Số giờ học theo lĩnh vực",
  "dash.hours.caption": "Số giờ học năm {year} của {unit} theo lĩnh vực",
  "dash.domain": "Lĩnh vực",
  "dash.people": "Số người",
  "dash.hours": "Số giờ",
  "dash.total": "Tổng",
  "dash.hidden": "ẩn",
  "dash.hiddenHint": "Nhóm dưới 5 người được ẩn để không ai bị nhận ra.",
  "dash.notYet": "Đơn vị chưa có vào ngày này.",
} as const;

export type DashKey = keyof typeof dvi;
