//! The HTML shell and the router: which page answers which address.

use crate::accounts::pages::{
    AccountPage, ConfirmEmailPage, ForgotPasswordPage, PersonalDataPage, PrivacyNoticePage,
    RegisterPage, ResetPasswordPage, SecondFactorPage, SessionsPage, SignInCodePage, SignInPage,
};
use crate::administration::pages::{
    AgenciesPage, AgencyPage, ApiTokensPage, CalendarPage, CatalogueImportPage, CorrectionsPage,
    FormBuilderPage, FormPreviewPage, FormsAdminPage, IdentityProvidersPage, NewProcedurePage,
    OfficialPage, OfficialsPage, ProcedureAdminPage, ProcedureComparePage, ProceduresAdminPage,
    SearchWordsPage, SectorsPage, SettingsPage,
};
use crate::assistant::page::AssistantPage;
use crate::back_office::pages::{InboxPage, OfficeDossierPage};
use crate::bundle::{BundleFiles, BundleScript};
use crate::catalogue::pages::{CataloguePage, HomePage, ProcedurePage};
use crate::counter::page::CounterDeskPage;
use crate::demo::DemoMailboxPage;
use crate::field_reports::pages::{
    BoardPage, FileReportPage, MyReportsPage, ReportHandlingPage, ReportPage, ReportQueuePage,
};
use crate::filing::check::page::FilingCheckPage;
use crate::filing::page::FilingPage;
use crate::filing::wallet_page::WalletPage;
use crate::i18n::current_lang;
use crate::knowledge::pages::{
    AnswerQuestionPage, ArticleEditorPage, ArticlePage, ArticlesAdminPage, ArticlesPage,
    AskAgencyPage, MyQuestionsPage, QuestionQueuePage,
};
use crate::layout::{AccessibilityPage, HelpPage, NotFound, SessionNotice, SiteFooter, SiteHeader};
use crate::notifications::page::NotificationsPage;
use crate::payments::flags::PaymentFlagsPage;
use crate::payments::page::PaymentPage;
use crate::session_view::provide_session_view;
use crate::statistics::drill_page::DrillPage;
use crate::statistics::operations_page::OperationsPage;
use crate::statistics::page::StatisticsPage;
use crate::tracking::pages::{
    DossierPage, LookupPage, MyDossiersPage, MyPaymentsPage, WithdrawPage,
};
use leptos::prelude::*;
use leptos_meta::{provide_meta_context, MetaTags, Stylesheet};
use leptos_router::components::{Route, Router, Routes};
use leptos_router::{path, SsrMode};

/// The document around the app, rendered on the server only.
pub fn shell(options: LeptosOptions) -> impl IntoView {
    let lang = current_lang();
    view! {
        <!DOCTYPE html>
        <html lang=lang.code()>
            <head>
                <meta charset="utf-8"/>
                <meta name="viewport" content="width=device-width, initial-scale=1"/>
                <meta name="theme-color" content="#0b3d91"/>
                <link rel="icon" href="/favicon.svg" type="image/svg+xml"/>
                <AutoReload options=options.clone()/>
                <BundleScript/>
                <MetaTags/>
            </head>
            <body>
                <App/>
            </body>
        </html>
    }
}

/// The application root, rendered on the server. The browser hydrates only
/// the `#[island]` components inside it (see `bundle`).
///
/// Every route renders with `SsrMode::Async`: the server waits for the page's
/// data and sends complete HTML, so pages read and work with JavaScript off.
#[component]
pub fn App() -> impl IntoView {
    provide_meta_context();
    provide_context(current_lang());
    provide_session_view();
    let stylesheet = use_context::<BundleFiles>().unwrap_or_default().css_href();

    view! {
        <Stylesheet id="leptos" href=stylesheet/>
        <Router>
            <SiteHeader/>
            <main id="main" class="container main" tabindex="-1">
                <SessionNotice/>
                <Routes fallback=NotFound>
                    <Route path=path!("/") view=HomePage ssr=SsrMode::Async/>
                    <Route path=path!("/thu-tuc") view=CataloguePage ssr=SsrMode::Async/>
                    <Route path=path!("/thu-tuc/:code") view=ProcedurePage ssr=SsrMode::Async/>
                    <Route path=path!("/dang-nhap") view=SignInPage ssr=SsrMode::Async/>
                    <Route path=path!("/dang-nhap/xac-thuc") view=SignInCodePage ssr=SsrMode::Async/>
                    <Route path=path!("/dang-ky") view=RegisterPage ssr=SsrMode::Async/>
                    <Route path=path!("/quyen-rieng-tu") view=PrivacyNoticePage ssr=SsrMode::Async/>
                    <Route path=path!("/xac-nhan-email") view=ConfirmEmailPage ssr=SsrMode::Async/>
                    <Route path=path!("/quen-mat-khau") view=ForgotPasswordPage ssr=SsrMode::Async/>
                    <Route path=path!("/dat-lai-mat-khau") view=ResetPasswordPage ssr=SsrMode::Async/>
                    <Route path=path!("/tai-khoan") view=AccountPage ssr=SsrMode::Async/>
                    <Route path=path!("/tai-khoan/phien") view=SessionsPage ssr=SsrMode::Async/>
                    <Route path=path!("/tai-khoan/xac-thuc-hai-buoc") view=SecondFactorPage ssr=SsrMode::Async/>
                    <Route path=path!("/tai-khoan/du-lieu") view=PersonalDataPage ssr=SsrMode::Async/>
                    <Route path=path!("/quan-tri/nguoi-dung") view=OfficialsPage ssr=SsrMode::Async/>
                    <Route path=path!("/quan-tri/ma-api") view=ApiTokensPage ssr=SsrMode::Async/>
                    <Route path=path!("/quan-tri/lich-lam-viec") view=CalendarPage ssr=SsrMode::Async/>
                    <Route path=path!("/quan-tri/co-quan") view=AgenciesPage ssr=SsrMode::Async/>
                    <Route path=path!("/quan-tri/co-quan/:code") view=AgencyPage ssr=SsrMode::Async/>
                    <Route path=path!("/quan-tri/linh-vuc") view=SectorsPage ssr=SsrMode::Async/>
                    <Route path=path!("/quan-tri/phan-anh") view=crate::field_reports::pages::ReportCategoriesPage ssr=SsrMode::Async/>
                    <Route path=path!("/quan-tri/tu-ngu-tim-kiem") view=SearchWordsPage ssr=SsrMode::Async/>
                    <Route path=path!("/quan-tri/cai-dat") view=SettingsPage ssr=SsrMode::Async/>
                    <Route path=path!("/quan-tri/dinh-danh") view=IdentityProvidersPage ssr=SsrMode::Async/>
                    <Route path=path!("/quan-tri/yeu-cau-chinh-sua") view=CorrectionsPage ssr=SsrMode::Async/>
                    <Route path=path!("/quan-tri/thu-tuc") view=ProceduresAdminPage ssr=SsrMode::Async/>
                    <Route path=path!("/quan-tri/thu-tuc-moi") view=NewProcedurePage ssr=SsrMode::Async/>
                    <Route path=path!("/quan-tri/nhap-thu-tuc/:id") view=CatalogueImportPage ssr=SsrMode::Async/>
                    <Route path=path!("/quan-tri/thu-tuc/:code") view=ProcedureAdminPage ssr=SsrMode::Async/>
                    <Route path=path!("/quan-tri/bieu-mau") view=FormsAdminPage ssr=SsrMode::Async/>
                    <Route path=path!("/quan-tri/bieu-mau/:code") view=FormBuilderPage ssr=SsrMode::Async/>
                    <Route path=path!("/quan-tri/bieu-mau/:code/xem-truoc") view=FormPreviewPage ssr=SsrMode::Async/>
                    <Route path=path!("/quan-tri/thu-tuc/:code/so-sanh") view=ProcedureComparePage ssr=SsrMode::Async/>
                    <Route path=path!("/quan-tri/nguoi-dung/:id") view=OfficialPage ssr=SsrMode::Async/>
                    <Route path=path!("/trinh-dien/hop-thu") view=DemoMailboxPage ssr=SsrMode::Async/>
                    <Route path=path!("/nop-ho-so/:code") view=FilingPage ssr=SsrMode::Async/>
                    <Route path=path!("/nop-ho-so/:code/kiem-tra") view=FilingCheckPage ssr=SsrMode::Async/>
                    <Route path=path!("/ho-so") view=MyDossiersPage ssr=SsrMode::Async/>
                    <Route path=path!("/ho-so/:code") view=DossierPage ssr=SsrMode::Async/>
                    <Route path=path!("/ho-so/:code/rut") view=WithdrawPage ssr=SsrMode::Async/>
                    <Route path=path!("/tra-cuu") view=LookupPage ssr=SsrMode::Async/>
                    <Route path=path!("/hoi-dap") view=ArticlesPage ssr=SsrMode::Async/>
                    <Route path=path!("/tro-ly") view=AssistantPage ssr=SsrMode::Async/>
                    <Route path=path!("/hoi-dap/dat-cau-hoi") view=AskAgencyPage ssr=SsrMode::Async/>
                    <Route path=path!("/hoi-dap/:code") view=ArticlePage ssr=SsrMode::Async/>
                    <Route path=path!("/tai-khoan/cau-hoi") view=MyQuestionsPage ssr=SsrMode::Async/>
                    <Route path=path!("/can-bo/cau-hoi") view=QuestionQueuePage ssr=SsrMode::Async/>
                    <Route path=path!("/can-bo/cau-hoi/:id") view=AnswerQuestionPage ssr=SsrMode::Async/>
                    <Route path=path!("/phan-anh") view=BoardPage ssr=SsrMode::Async/>
                    <Route path=path!("/phan-anh/gui") view=FileReportPage ssr=SsrMode::Async/>
                    <Route path=path!("/phan-anh/:code") view=ReportPage ssr=SsrMode::Async/>
                    <Route path=path!("/tai-khoan/phan-anh") view=MyReportsPage ssr=SsrMode::Async/>
                    <Route path=path!("/can-bo/phan-anh") view=ReportQueuePage ssr=SsrMode::Async/>
                    <Route path=path!("/can-bo/phan-anh/:code") view=ReportHandlingPage ssr=SsrMode::Async/>
                    <Route path=path!("/quan-tri/hoi-dap") view=ArticlesAdminPage ssr=SsrMode::Async/>
                    <Route path=path!("/quan-tri/hoi-dap/:code") view=ArticleEditorPage ssr=SsrMode::Async/>
                    <Route path=path!("/huong-dan") view=HelpPage/>
                    <Route path=path!("/kha-nang-tiep-can") view=AccessibilityPage/>
                    <Route path=path!("/thanh-toan/:reference") view=PaymentPage ssr=SsrMode::Async/>
                    <Route path=path!("/tai-khoan/giay-to") view=WalletPage ssr=SsrMode::Async/>
                    <Route path=path!("/tai-khoan/thanh-toan") view=MyPaymentsPage ssr=SsrMode::Async/>
                    <Route path=path!("/thong-bao") view=NotificationsPage ssr=SsrMode::Async/>
                    <Route path=path!("/can-bo") view=InboxPage ssr=SsrMode::Async/>
                    <Route path=path!("/can-bo/tiep-nhan") view=CounterDeskPage ssr=SsrMode::Async/>
                    <Route path=path!("/can-bo/tiep-nhan/:applicant/:code") view=FilingPage ssr=SsrMode::Async/>
                    <Route path=path!("/can-bo/ho-so/:code") view=OfficeDossierPage ssr=SsrMode::Async/>
                    <Route path=path!("/can-bo/doi-soat") view=PaymentFlagsPage ssr=SsrMode::Async/>
                    <Route path=path!("/thong-ke") view=StatisticsPage ssr=SsrMode::Async/>
                    <Route path=path!("/thong-ke/dieu-hanh") view=OperationsPage ssr=SsrMode::Async/>
                    <Route path=path!("/thong-ke/ho-so") view=DrillPage ssr=SsrMode::Async/>
                </Routes>
            </main>
            <SiteFooter/>
        </Router>
    }
}
