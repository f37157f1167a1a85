/**
 * The icons the app uses: antd's, made decorative. An antd icon is a `role="img"` span named after
 * its glyph ("heart", "team"), which a screen reader reads out as part of every button, link and menu
 * item it sits in ("heart Follow"). Here each one is `aria-hidden`: the text next to it names the control.
 * An icon-only control carries its own `aria-label`; an icon that means something alone gets one. ESLint keeps every other file importing from here.
 */
import {
  AccountBookOutlined as AntdAccountBookOutlined,
  ApiOutlined as AntdApiOutlined,
  ArrowDownOutlined as AntdArrowDownOutlined,
  ArrowLeftOutlined as AntdArrowLeftOutlined,
  ArrowRightOutlined as AntdArrowRightOutlined,
  ArrowUpOutlined as AntdArrowUpOutlined,
  BarChartOutlined as AntdBarChartOutlined,
  CalendarOutlined as AntdCalendarOutlined,
  CheckCircleFilled as AntdCheckCircleFilled,
  CheckOutlined as AntdCheckOutlined,
  ClockCircleOutlined as AntdClockCircleOutlined,
  CloseCircleFilled as AntdCloseCircleFilled,
  CommentOutlined as AntdCommentOutlined,
  CopyOutlined as AntdCopyOutlined,
  CrownFilled as AntdCrownFilled,
  CrownOutlined as AntdCrownOutlined,
  DeleteOutlined as AntdDeleteOutlined,
  DownOutlined as AntdDownOutlined,
  DownloadOutlined as AntdDownloadOutlined,
  EditOutlined as AntdEditOutlined,
  ExportOutlined as AntdExportOutlined,
  EyeInvisibleOutlined as AntdEyeInvisibleOutlined,
  EyeOutlined as AntdEyeOutlined,
  FallOutlined as AntdFallOutlined,
  FileTextOutlined as AntdFileTextOutlined,
  FilterOutlined as AntdFilterOutlined,
  GiftOutlined as AntdGiftOutlined,
  GlobalOutlined as AntdGlobalOutlined,
  HeartFilled as AntdHeartFilled,
  HeartOutlined as AntdHeartOutlined,
  HistoryOutlined as AntdHistoryOutlined,
  IdcardOutlined as AntdIdcardOutlined,
  InboxOutlined as AntdInboxOutlined,
  InfoCircleOutlined as AntdInfoCircleOutlined,
  KeyOutlined as AntdKeyOutlined,
  LoadingOutlined as AntdLoadingOutlined,
  LockOutlined as AntdLockOutlined,
  LogoutOutlined as AntdLogoutOutlined,
  MailOutlined as AntdMailOutlined,
  PlusOutlined as AntdPlusOutlined,
  ReadOutlined as AntdReadOutlined,
  RightOutlined as AntdRightOutlined,
  RiseOutlined as AntdRiseOutlined,
  RollbackOutlined as AntdRollbackOutlined,
  SaveOutlined as AntdSaveOutlined,
  SearchOutlined as AntdSearchOutlined,
  SendOutlined as AntdSendOutlined,
  SettingOutlined as AntdSettingOutlined,
  ShareAltOutlined as AntdShareAltOutlined,
  ShopOutlined as AntdShopOutlined,
  SolutionOutlined as AntdSolutionOutlined,
  StarOutlined as AntdStarOutlined,
  StopOutlined as AntdStopOutlined,
  SyncOutlined as AntdSyncOutlined,
  TagOutlined as AntdTagOutlined,
  TagsOutlined as AntdTagsOutlined,
  TeamOutlined as AntdTeamOutlined,
  TrophyOutlined as AntdTrophyOutlined,
  UndoOutlined as AntdUndoOutlined,
  UploadOutlined as AntdUploadOutlined,
  UserAddOutlined as AntdUserAddOutlined,
  UserDeleteOutlined as AntdUserDeleteOutlined,
  UserOutlined as AntdUserOutlined,
  WalletOutlined as AntdWalletOutlined,
  WarningOutlined as AntdWarningOutlined,
  MinusOutlined as AntdMinusOutlined,
  ShoppingCartOutlined as AntdShoppingCartOutlined,
  CarOutlined as AntdCarOutlined,
  ShoppingOutlined as AntdShoppingOutlined,
} from '@ant-design/icons';
import type { ComponentProps, ComponentType } from 'react';

type IconProps = ComponentProps<typeof AntdHeartOutlined>;

/** Hidden from assistive technology, unless given an `aria-label`: then it is an image that says that (a status icon standing alone). */
function decorative(Icon: ComponentType<IconProps>): ComponentType<IconProps> {
  const Decorative = (props: IconProps) => (props['aria-label'] ? <Icon {...props} /> : <Icon aria-hidden {...props} />);
  Decorative.displayName = Icon.displayName;
  return Decorative;
}

export const AccountBookOutlined = decorative(AntdAccountBookOutlined);
export const ApiOutlined = decorative(AntdApiOutlined);
export const ArrowDownOutlined = decorative(AntdArrowDownOutlined);
export const ArrowLeftOutlined = decorative(AntdArrowLeftOutlined);
export const ArrowRightOutlined = decorative(AntdArrowRightOutlined);
export const ArrowUpOutlined = decorative(AntdArrowUpOutlined);
export const BarChartOutlined = decorative(AntdBarChartOutlined);
export const CalendarOutlined = decorative(AntdCalendarOutlined);
export const CheckCircleFilled = decorative(AntdCheckCircleFilled);
export const CheckOutlined = decorative(AntdCheckOutlined);
export const ClockCircleOutlined = decorative(AntdClockCircleOutlined);
export const CloseCircleFilled = decorative(AntdCloseCircleFilled);
export const CommentOutlined = decorative(AntdCommentOutlined);
export const CopyOutlined = decorative(AntdCopyOutlined);
export const CrownFilled = decorative(AntdCrownFilled);
export const CrownOutlined = decorative(AntdCrownOutlined);
export const DeleteOutlined = decorative(AntdDeleteOutlined);
export const DownOutlined = decorative(AntdDownOutlined);
export const DownloadOutlined = decorative(AntdDownloadOutlined);
export const EditOutlined = decorative(AntdEditOutlined);
export const ExportOutlined = decorative(AntdExportOutlined);
export const EyeInvisibleOutlined = decorative(AntdEyeInvisibleOutlined);
export const EyeOutlined = decorative(AntdEyeOutlined);
export const FallOutlined = decorative(AntdFallOutlined);
export const FileTextOutlined = decorative(AntdFileTextOutlined);
export const FilterOutlined = decorative(AntdFilterOutlined);
export const GiftOutlined = decorative(AntdGiftOutlined);
export const GlobalOutlined = decorative(AntdGlobalOutlined);
export const HeartFilled = decorative(AntdHeartFilled);
export const HeartOutlined = decorative(AntdHeartOutlined);
export const HistoryOutlined = decorative(AntdHistoryOutlined);
export const IdcardOutlined = decorative(AntdIdcardOutlined);
export const InboxOutlined = decorative(AntdInboxOutlined);
export const InfoCircleOutlined = decorative(AntdInfoCircleOutlined);
export const KeyOutlined = decorative(AntdKeyOutlined);
export const LoadingOutlined = decorative(AntdLoadingOutlined);
export const LockOutlined = decorative(AntdLockOutlined);
export const LogoutOutlined = decorative(AntdLogoutOutlined);
export const MailOutlined = decorative(AntdMailOutlined);
export const PlusOutlined = decorative(AntdPlusOutlined);
export const ReadOutlined = decorative(AntdReadOutlined);
export const RightOutlined = decorative(AntdRightOutlined);
export const RiseOutlined = decorative(AntdRiseOutlined);
export const RollbackOutlined = decorative(AntdRollbackOutlined);
export const SaveOutlined = decorative(AntdSaveOutlined);
export const SearchOutlined = decorative(AntdSearchOutlined);
export const SendOutlined = decorative(AntdSendOutlined);
export const SettingOutlined = decorative(AntdSettingOutlined);
export const ShareAltOutlined = decorative(AntdShareAltOutlined);
export const ShopOutlined = decorative(AntdShopOutlined);
export const SolutionOutlined = decorative(AntdSolutionOutlined);
export const StarOutlined = decorative(AntdStarOutlined);
export const StopOutlined = decorative(AntdStopOutlined);
export const SyncOutlined = decorative(AntdSyncOutlined);
export const TagOutlined = decorative(AntdTagOutlined);
export const TagsOutlined = decorative(AntdTagsOutlined);
export const TeamOutlined = decorative(AntdTeamOutlined);
export const TrophyOutlined = decorative(AntdTrophyOutlined);
export const UndoOutlined = decorative(AntdUndoOutlined);
export const UploadOutlined = decorative(AntdUploadOutlined);
export const UserAddOutlined = decorative(AntdUserAddOutlined);
export const UserDeleteOutlined = decorative(AntdUserDeleteOutlined);
export const UserOutlined = decorative(AntdUserOutlined);
export const WalletOutlined = decorative(AntdWalletOutlined);
export const WarningOutlined = decorative(AntdWarningOutlined);
export const MinusOutlined = decorative(AntdMinusOutlined);
export const ShoppingCartOutlined = decorative(AntdShoppingCartOutlined);
export const CarOutlined = decorative(AntdCarOutlined);
export const ShoppingOutlined = decorative(AntdShoppingOutlined);
